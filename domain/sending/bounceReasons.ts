/**
 * [NFR-Performance][CampaignAutomation10] Why a mail or SMS did not arrive, in words staff and
 * analysts understand, and whether it is for good (hard: the address is marked not working) or may
 * pass (soft).
 */
export const bounceReasons = {
  'mailbox-does-not-exist': { hard: true, description: 'The address does not exist' },
  'domain-does-not-exist': { hard: true, description: 'The domain after @ does not exist' },
  'mailbox-full': { hard: false, description: 'The mailbox is full' },
  'blocked-as-spam': { hard: false, description: 'The receiving server blocked the mail as spam' },
  'suppressed': { hard: true, description: 'Not sent: the address bounced or complained before' },
  'temporarily-unavailable': { hard: false, description: 'The receiving server was not available; it may work later' },
  'number-not-in-use': { hard: true, description: 'The phone number is not in use' },
  'phone-unreachable': { hard: false, description: 'The phone could not be reached (off, abroad or out of coverage)' },
  'unknown': { hard: false, description: 'The provider gave no reason the engine recognises' },
} as const;

export type BounceReason = keyof typeof bounceReasons;

/**
 * A mail bounce from its delivery status and the SMTP enhanced status code (RFC 3463) found in the
 * provider's details: 5.1.1/5.1.10 no such mailbox, 5.1.2 no such domain, x.2.2 full, 5.7.x
 * blocked; other 4.x.x codes are temporary.
 */
export function mailBounceReason(status: string, details: string | undefined): { reason: BounceReason; code?: string } {
  const code = details?.match(/\b([245]\.\d{1,3}\.\d{1,3})\b/)?.[1];
  const lowered = `${status} ${details ?? ''}`.toLowerCase();
  if (status.toLowerCase() === 'suppressed') return { reason: 'suppressed', ...(code && { code }) };
  if (status.toLowerCase() === 'filteredspam' || status.toLowerCase() === 'quarantined') return { reason: 'blocked-as-spam', ...(code && { code }) };
  const byCode = code ? reasonOfCode(code) : undefined;
  if (byCode) return { reason: byCode, code: code! };
  if (/mailbox (unavailable|does not exist|not found)|user unknown|no such user/.test(lowered)) return { reason: 'mailbox-does-not-exist', ...(code && { code }) };
  if (/mailbox full|quota/.test(lowered)) return { reason: 'mailbox-full', ...(code && { code }) };
  if (/spam|blocked|blacklist|blocklist/.test(lowered)) return { reason: 'blocked-as-spam', ...(code && { code }) };
  return { reason: 'unknown', ...(code && { code }) };
}

function reasonOfCode(code: string): BounceReason | undefined {
  const [kind, subject, detail] = code.split('.');
  if (subject === '1' && (detail === '1' || detail === '10' || detail === '0')) return kind === '5' ? 'mailbox-does-not-exist' : 'temporarily-unavailable';
  if (subject === '1' && detail === '2') return 'domain-does-not-exist';
  if (subject === '2' && detail === '2') return 'mailbox-full';
  if (subject === '7') return 'blocked-as-spam';
  if (kind === '4') return 'temporarily-unavailable';
  return undefined;
}

/** An SMS failure from the operator's reason. */
export function smsFailureReason(reason: string | undefined): BounceReason {
  const lowered = (reason ?? '').toLowerCase();
  if (/unknown subscriber|not in use|invalid number|no such number|unallocated/.test(lowered)) return 'number-not-in-use';
  if (/absent|unreachable|switched off|expired|no coverage|roaming/.test(lowered)) return 'phone-unreachable';
  return 'unknown';
}
