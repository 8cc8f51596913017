import { describe, expect, it } from 'vitest';
import type { ConsentEntry } from './ConsentEntry.js';
import { currentConsents, mayContact } from './currentConsents.js';

let counter = 0;
function entry(at: string, fields: Partial<ConsentEntry> & Pick<ConsentEntry, 'channel' | 'action'>): ConsentEntry {
  counter++;
  return { id: `e-${counter}`, personId: 'p-1', at: `${at}T10:00:00.000Z`, recordedAt: `${at}T10:00:01.000Z`, topic: 'all', source: { kind: 'drupal-form', id: 'petition' }, ...fields };
}

describe('[Permission] the consents in force, derived from the log', () => {
  it('[Permission] the latest entry per channel and topic wins, whatever order the log is read in', () => {
    const log = [
      entry('2026-03-01', { channel: 'email', topic: 'newsletter-1', action: 'withdrawn' }),
      entry('2026-01-01', { channel: 'email', topic: 'newsletter-1', action: 'granted' }),
      entry('2026-02-01', { channel: 'email', topic: 'newsletter-2', action: 'granted' }),
    ];
    expect(mayContact(log, 'email', 'newsletter-1')).toBe(false);
    expect(mayContact(log, 'email', 'newsletter-2')).toBe(true);
    expect(mayContact([...log].reverse(), 'email', 'newsletter-1')).toBe(false);
    expect(currentConsents(log).map(({ topic, granted, since }) => ({ topic, granted, since }))).toEqual([
      { topic: 'newsletter-1', granted: false, since: '2026-03-01T10:00:00.000Z' },
      { topic: 'newsletter-2', granted: true, since: '2026-02-01T10:00:00.000Z' },
    ]);
  });

  it('[Permissionsstruktur2] withdrawing all email withdraws every email topic; a later topic grant counts again', () => {
    const log = [
      entry('2026-01-01', { channel: 'email', topic: 'newsletter-1', action: 'granted' }),
      entry('2026-01-02', { channel: 'email', topic: 'newsletter-2', action: 'granted' }),
      entry('2026-02-01', { channel: 'email', topic: 'all', action: 'withdrawn', source: { kind: 'preference-centre' } }),
    ];
    expect(mayContact(log, 'email', 'newsletter-1')).toBe(false);
    expect(mayContact(log, 'email', 'newsletter-2')).toBe(false);
    const later = [...log, entry('2026-03-01', { channel: 'email', topic: 'newsletter-2', action: 'granted', source: { kind: 'preference-centre' } })];
    expect(mayContact(later, 'email', 'newsletter-2')).toBe(true);
    expect(mayContact(later, 'email', 'newsletter-1')).toBe(false);
  });

  it('[Permissionsstruktur1] a phone opt-out sticks: a later petition signature does not bring phone or SMS consent back', () => {
    const log = [
      entry('2026-01-01', { channel: 'phone', action: 'granted' }),
      entry('2026-01-01', { channel: 'sms', action: 'granted' }),
      entry('2026-02-01', { channel: 'phone', action: 'withdrawn', source: { kind: 'dialer-call', id: 'call-9' } }),
      entry('2026-02-01', { channel: 'sms', action: 'withdrawn', source: { kind: 'sms-keyword', id: 'STOP' } }),
      entry('2026-05-01', { channel: 'phone', action: 'granted' }),
      entry('2026-05-01', { channel: 'sms', action: 'granted' }),
      entry('2026-05-01', { channel: 'email', action: 'granted' }),
    ];
    expect(mayContact(log, 'phone')).toBe(false);
    expect(mayContact(log, 'sms')).toBe(false);
    expect(mayContact(log, 'email')).toBe(true);
  });

  it('[Permissionsstruktur1] only staff entering the person’s own request give a phone consent back', () => {
    const optedOut = [entry('2026-01-01', { channel: 'phone', action: 'withdrawn' })];
    const staffWithoutRequest = entry('2026-06-01', { channel: 'phone', action: 'granted', source: { kind: 'staff', user: 'ms@ms.dk' } });
    expect(mayContact([...optedOut, staffWithoutRequest], 'phone')).toBe(false);
    const staffWithRequest = entry('2026-06-02', { channel: 'phone', action: 'granted', source: { kind: 'staff', user: 'ms@ms.dk' }, personsRequest: 'asked by phone 2 June to be called again' });
    expect(mayContact([...optedOut, staffWithoutRequest, staffWithRequest], 'phone')).toBe(true);
    // Given back, the channel behaves as before: a new opt-out sticks again.
    expect(mayContact([...optedOut, staffWithRequest, entry('2026-07-01', { channel: 'phone', action: 'withdrawn' }), entry('2026-08-01', { channel: 'phone', action: 'granted' })], 'phone')).toBe(false);
  });

  it('[Permission] no entry means no consent', () => {
    expect(mayContact([], 'email', 'newsletter-1')).toBe(false);
    expect(currentConsents([])).toEqual([]);
  });
});
