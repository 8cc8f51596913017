import type { AgreementPaymentState } from '../dunning/AgreementPaymentState.js';

/**
 * [OnlineFundraising6] The OF agreement a call about existing agreements is about: the newest active
 * one (an upgrade), else the newest cancelled one (a winback). None when the person has neither.
 */
export function agreementToCall(agreements: AgreementPaymentState[]): string | undefined {
  const newestFirst = [...agreements].sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''));
  return (newestFirst.find((agreement) => agreement.status === 'active') ?? newestFirst.find((agreement) => agreement.status === 'cancelled'))?.agreementOfId;
}
