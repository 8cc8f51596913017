import { describe, expect, it } from 'vitest';
import type { StopListEntry } from './StopListEntry.js';
import { type StopListWish, entryToWiden, widenEntry, widenedFlags } from './widenEntry.js';

const entry = (fields: Partial<StopListEntry>): StopListEntry => ({
  id: 'e-1',
  requestedAt: '2026-03-01',
  sms: true,
  telemarketing: false,
  source: 'medlemsservice',
  addedBy: 'lise',
  addedAt: '2026-03-01T09:00:00.000Z',
  ...fields,
});
const wish = (fields: Partial<StopListWish>): StopListWish => ({ requestedAt: '2026-04-01', sms: false, telemarketing: true, source: 'dialer', addedBy: 'ole', ...fields });

describe('widening a stop-list entry', () => {
  it('[StopList] flags are widened, never narrowed', () => {
    expect(widenedFlags({ sms: true, telemarketing: false }, { sms: false, telemarketing: true })).toEqual({ sms: true, telemarketing: true });
    expect(widenedFlags({ sms: true, telemarketing: true }, { sms: true, telemarketing: false })).toEqual({ sms: true, telemarketing: true });
  });

  it('[StopList] an entry from before flags were required (neither flag) stops both channels, and widens to both', () => {
    expect(widenedFlags({ sms: false, telemarketing: false }, { sms: true, telemarketing: false })).toEqual({ sms: true, telemarketing: true });
    expect(widenedFlags({ sms: false, telemarketing: true }, { sms: false, telemarketing: false })).toEqual({ sms: true, telemarketing: true });
  });

  it('[StopList] a repeated request widens the flags and fills in an email the entry lacked, keeping when and where it was first asked', () => {
    const widened = widenEntry(entry({ phone: '+4522334455' }), wish({ phone: '+4522334455', email: 'anne@example.dk', name: 'Anne' }), '2026-04-02T10:00:00.000Z');
    expect(widened).toEqual({
      ...entry({ phone: '+4522334455' }),
      sms: true,
      telemarketing: true,
      email: 'anne@example.dk',
      name: 'Anne',
      widenedBy: 'ole',
      widenedAt: '2026-04-02T10:00:00.000Z',
    });
  });

  it('[StopList] a repeated request the entry already covers changes nothing', () => {
    expect(widenEntry(entry({ phone: '+4522334455', name: 'Anne' }), wish({ phone: '+4522334455', sms: true, telemarketing: false, name: 'A. Berg' }), 'now')).toBeUndefined();
  });

  it('[StopList] the entry to widen holds the request\'s phone or email and no other; the closest match first', () => {
    const phoneOnly = entry({ id: 'phone-only', phone: '+4522334455' });
    const both = entry({ id: 'both', phone: '+4522334455', email: 'anne@example.dk', addedAt: '2026-05-01T00:00:00.000Z' });
    const otherEmail = entry({ id: 'other-email', phone: '+4522334455', email: 'old@example.dk' });
    expect(entryToWiden([phoneOnly, both], wish({ phone: '+4522334455', email: 'anne@example.dk' }))?.id).toBe('both');
    expect(entryToWiden([otherEmail, phoneOnly], wish({ phone: '+4522334455', email: 'anne@example.dk' }))?.id).toBe('phone-only');
    expect(entryToWiden([otherEmail], wish({ phone: '+4522334455', email: 'anne@example.dk' }))).toBeUndefined();
    expect(entryToWiden([otherEmail], wish({ phone: '+4522334455' }))?.id).toBe('other-email');
  });
});
