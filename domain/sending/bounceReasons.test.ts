import { describe, expect, it } from 'vitest';
import { bounceReasons, mailBounceReason, smsFailureReason } from './bounceReasons.js';

describe('bounce reasons', () => {
  it.each([
    ['Bounced', '550 5.1.1 The email account that you tried to reach does not exist.', 'mailbox-does-not-exist', '5.1.1'],
    ['Bounced', '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup', 'mailbox-does-not-exist', '5.1.10'],
    ['Failed', '550 5.1.2 Host unknown', 'domain-does-not-exist', '5.1.2'],
    ['Bounced', '552 5.2.2 Mailbox full', 'mailbox-full', '5.2.2'],
    ['Bounced', '452 4.2.2 The email account that you tried to reach is over quota', 'mailbox-full', '4.2.2'],
    ['Bounced', '550 5.7.1 Message rejected as spam by Content Filtering', 'blocked-as-spam', '5.7.1'],
    ['Failed', '421 4.4.2 Connection dropped', 'temporarily-unavailable', '4.4.2'],
    ['FilteredSpam', undefined, 'blocked-as-spam', undefined],
    ['Quarantined', 'Quarantined by the receiver', 'blocked-as-spam', undefined],
    ['Suppressed', 'The address is on the suppression list', 'suppressed', undefined],
    ['Bounced', 'Mailbox unavailable', 'mailbox-does-not-exist', undefined],
    ['Failed', 'Something odd happened', 'unknown', undefined],
  ])('[NFR-Performance] %s "%s" reads as %s', (status, details, reason, code) => {
    expect(mailBounceReason(status, details)).toEqual({ reason, ...(code && { code }) });
  });

  it('[NFR-Performance] an address that does not exist is a hard bounce; a full mailbox or a spam block may pass', () => {
    expect(bounceReasons['mailbox-does-not-exist'].hard).toBe(true);
    expect(bounceReasons['mailbox-full'].hard).toBe(false);
    expect(bounceReasons['blocked-as-spam'].hard).toBe(false);
  });

  it('[NFR-Performance] an SMS to a number not in use fails for good; one to a phone switched off may pass', () => {
    expect(smsFailureReason('Unknown subscriber')).toBe('number-not-in-use');
    expect(smsFailureReason('Absent subscriber (phone switched off)')).toBe('phone-unreachable');
    expect(smsFailureReason(undefined)).toBe('unknown');
    expect(bounceReasons['number-not-in-use'].hard).toBe(true);
    expect(bounceReasons['phone-unreachable'].hard).toBe(false);
  });
});
