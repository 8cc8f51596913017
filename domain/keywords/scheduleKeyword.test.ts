import { describe, expect, it } from 'vitest';
import { handOver } from './scheduleKeyword.js';
import type { SmsKeyword } from './SmsKeyword.js';

const klima2025: SmsKeyword = { keyword: 'KLIMA', campaignCode: 'KLIMA-2025', validFrom: '2025-01-01T00:00:00.000Z', action: { kind: 'add-to-marketing-list', list: 'klima' } };
const klima2026: SmsKeyword = { keyword: 'klima ', campaignCode: 'KLIMA-2026', validFrom: '2026-06-01T00:00:00+02:00', action: { kind: 'create-signature', petitionId: 'p-7' } };
const stop: SmsKeyword = { keyword: 'STOP', campaignCode: 'SMS-AFMELD', validFrom: '2000-01-01T00:00:00.000Z', action: { kind: 'withdraw-sms-consent' } };

describe('scheduling a keyword hand-over', () => {
  it('[OnlineFundraising9] the open-ended assignment ends where the new one starts; other keywords are untouched', () => {
    expect(handOver([stop, klima2025], klima2026)).toEqual({
      assignments: [
        stop,
        { ...klima2025, validTo: '2026-05-31T22:00:00.000Z' },
        { keyword: 'KLIMA', campaignCode: 'KLIMA-2026', validFrom: '2026-05-31T22:00:00.000Z', action: { kind: 'create-signature', petitionId: 'p-7' } },
      ],
    });
  });

  it('[OnlineFundraising9] a keyword not yet in the table is simply added', () => {
    expect(handOver([stop], klima2025)).toEqual({ assignments: [stop, klima2025] });
  });

  it('[OnlineFundraising9] a period with an end taken over from an open one leaves the keyword unassigned after it', () => {
    const campaignWeek = { ...klima2026, validTo: '2026-06-08T00:00:00+02:00' };
    const outcome = handOver([klima2025], campaignWeek);
    expect(outcome).toEqual({ assignments: [{ ...klima2025, validTo: '2026-05-31T22:00:00.000Z' }, expect.objectContaining({ validTo: '2026-06-07T22:00:00.000Z' })] });
  });

  it('[OnlineFundraising9] starting inside a closed period is refused on validFrom, naming that period', () => {
    const closed = { ...klima2025, validTo: '2026-06-01T00:00:00.000Z' };
    expect(handOver([closed], { ...klima2026, validFrom: '2026-05-01T00:00:00.000Z' })).toEqual({
      problems: [{ field: 'validFrom', problem: 'overlaps KLIMA for campaign KLIMA-2025 from 2025-01-01T00:00:00.000Z to 2026-06-01T00:00:00.000Z' }],
    });
  });

  it('[OnlineFundraising9] running into a later period is refused on validTo; an open one starting at or after cannot be handed over', () => {
    const later = { ...klima2026, keyword: 'KLIMA', validFrom: '2026-05-31T22:00:00.000Z' };
    expect(handOver([later], { ...klima2025, validTo: '2026-07-01T00:00:00.000Z' })).toEqual({
      problems: [{ field: 'validTo', problem: 'overlaps KLIMA for campaign KLIMA-2026 from 2026-05-31T22:00:00.000Z to no end' }],
    });
    expect(handOver([later], { ...klima2025, validFrom: later.validFrom })).toMatchObject({ problems: [{ field: 'validFrom' }] });
  });

  it('[OnlineFundraising9] the same assignment sent again changes nothing (a retried request succeeds)', () => {
    const table = [stop, { ...klima2025, validTo: '2026-05-31T22:00:00.000Z' }, { ...klima2026, keyword: 'KLIMA', validFrom: '2026-05-31T22:00:00.000Z' }];
    const outcome = handOver(table, klima2026);
    expect(outcome).toEqual({ assignments: table });
    expect('assignments' in outcome && outcome.assignments).toBe(table);
  });

  it('[OnlineFundraising9] an end not after the start is refused before the table is looked at', () => {
    expect(handOver([], { ...klima2025, validTo: '2024-01-01T00:00:00.000Z' })).toEqual({ problems: [{ field: 'validTo', problem: 'must be after validFrom' }] });
  });
});
