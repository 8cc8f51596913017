import type { OfAgreement } from './OnlineFundraisingRecords.js';

/**
 * [Rapportering2] What a person is to MS, told apart everywhere: a member, a member who gives
 * regular support on top, a regular supporter who is not a member, or a one-off donor.
 */
export const supporterKinds = ['member', 'member_with_regular_support', 'regular_supporter', 'one_off_donor', 'none'] as const;
export type SupporterKind = (typeof supporterKinds)[number];

/** An agreement counts while it runs; a paused one still does (collection resumes later). */
const running: ReadonlySet<OfAgreement['status']> = new Set(['active', 'paused']);

export function supporterKind(agreements: readonly Pick<OfAgreement, 'kind' | 'status'>[]): SupporterKind {
  const runs = (kind: OfAgreement['kind']) => agreements.some((agreement) => agreement.kind === kind && running.has(agreement.status));
  const member = runs('membership');
  const regular = runs('regular_support');
  if (member && regular) return 'member_with_regular_support';
  if (member) return 'member';
  if (regular) return 'regular_supporter';
  if (agreements.some((agreement) => agreement.kind === 'one_off' && agreement.status !== 'cancelled')) return 'one_off_donor';
  return 'none';
}
