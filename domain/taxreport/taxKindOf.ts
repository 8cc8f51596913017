import type { LedgerPayment } from '../bookkeeping/LedgerPayment.js';
import type { TaxYearRules } from './TaxYearRules.js';

/**
 * How the tax report counts a payment: a gift (§ 8 A), an ongoing payment under a written agreement
 * (§ 12), a membership payment (the fee is not deductible; what a member pays beyond it is a gift), or
 * not at all (Global Contact's memberships; money that never arrived; money nobody is known to have given).
 */
export type TaxKind = 'gift' | 'ongoing' | 'membership' | 'not-counted';

/**
 * [Skatteindberetning][Kampagnemodel][BetalingUdenomOF] The kind of a received payment (a refund takes
 * its original's). Imported gifts (bank transfer, MobilePay business, invoice) count once tied to a
 * person; there is no webshop source yet, so no purchase is counted.
 */
export function taxKindOf(payment: LedgerPayment, rules: TaxYearRules): TaxKind {
  if (!payment.personId || payment.posting.state === 'void') return 'not-counted';
  if (payment.campaignCode && rules.excludedCampaignCodes.includes(payment.campaignCode)) return 'not-counted';
  if (payment.agreementKind === 'membership') return 'membership';
  if (payment.agreementKind === 'regular_support' && payment.campaignCode && rules.ongoing.campaignCodes.includes(payment.campaignCode)) return 'ongoing';
  return 'gift';
}
