/**
 * [OnlineFundraising8][OnlineFundraising9] What an inbound SMS keyword means during a period: which
 * campaign it counts for and what the engine does with it. A keyword is reused by later campaigns,
 * so the table holds one assignment per keyword per period.
 */
export interface SmsKeyword {
  /** Upper case and trimmed, e.g. "KLIMA": letters A–Z and ÆØÅ and digits, 2–20 of them. */
  keyword: string;
  campaignCode: string;
  /** Instant (UTC, ISO 8601) the assignment starts, inclusive. */
  validFrom: string;
  /** Instant (UTC, ISO 8601) it ends, exclusive; absent while no end is set. */
  validTo?: string;
  action: KeywordAction;
}

/**
 * - `none`: transactional, e.g. a donation keyword OnlineFundraising handles itself.
 * - `add-to-marketing-list`: the sender joins the list.
 * - `create-signature`: the sender signs the petition.
 * - `withdraw-sms-consent`: "STOP"-type replies; staff can give the consent back later.
 */
export type KeywordAction =
  | { kind: 'none' }
  | { kind: 'add-to-marketing-list'; list: string }
  | { kind: 'create-signature'; petitionId: string }
  | { kind: 'withdraw-sms-consent' };

export interface SmsKeywordTable {
  id: typeof smsKeywordsId;
  assignments: SmsKeyword[];
  updatedAt: string;
}

export const smsKeywordsId = 'sms-keywords';

export const keywordPattern = /^[A-Z0-9ÆØÅ]{2,20}$/;
export const keywordShape = 'letters A–Z, Æ, Ø, Å and digits, 2–20 of them';

/** The keyword as the table holds it; an "å" typed as "a" plus a ring counts as "Å". */
export function normaliseKeyword(raw: string): string {
  return raw.trim().normalize('NFC').toUpperCase();
}

/** The assignment as the table stores it: keyword normalised, instants in UTC. Instants must parse. */
export function normaliseAssignment(assignment: SmsKeyword): SmsKeyword {
  const { validTo, ...rest } = assignment;
  return {
    ...rest,
    keyword: normaliseKeyword(assignment.keyword),
    validFrom: new Date(assignment.validFrom).toISOString(),
    ...(validTo !== undefined && { validTo: new Date(validTo).toISOString() }),
  };
}

/**
 * The table the engine starts with, until staff save one: the opt-out replies Danish SMS senders
 * must honour ("STOP", and "AFMELD", Danish for unsubscribe) withdraw SMS consent, counted under
 * campaign "SMS-AFMELD", from 2000-01-01 (i.e. always) with no end.
 */
export const defaultSmsKeywords: SmsKeyword[] = ['STOP', 'AFMELD'].map((keyword) => ({
  keyword,
  campaignCode: 'SMS-AFMELD',
  validFrom: '2000-01-01T00:00:00.000Z',
  action: { kind: 'withdraw-sms-consent' },
}));
