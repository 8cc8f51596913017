import { describe, expect, it } from 'vitest';
import { supporterKind } from './supporterKind.js';

describe('supporterKind', () => {
  it('[Rapportering2] tells member, member with regular support on top, regular supporter only and one-off donor apart', () => {
    expect(supporterKind([{ kind: 'membership', status: 'active' }])).toBe('member');
    expect(supporterKind([{ kind: 'membership', status: 'active' }, { kind: 'regular_support', status: 'active' }])).toBe('member_with_regular_support');
    expect(supporterKind([{ kind: 'regular_support', status: 'active' }, { kind: 'one_off', status: 'active' }])).toBe('regular_supporter');
    expect(supporterKind([{ kind: 'one_off', status: 'active' }])).toBe('one_off_donor');
  });

  it('[Rapportering2] a paused membership still counts; a cancelled one does not', () => {
    expect(supporterKind([{ kind: 'membership', status: 'paused' }])).toBe('member');
    expect(supporterKind([{ kind: 'membership', status: 'cancelled' }, { kind: 'regular_support', status: 'active' }])).toBe('regular_supporter');
    expect(supporterKind([{ kind: 'membership', status: 'cancelled' }])).toBe('none');
    expect(supporterKind([])).toBe('none');
  });
});
