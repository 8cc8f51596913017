import { isDeductible } from './LedgerPayment.js';
import type { LedgerPayment } from './LedgerPayment.js';
import type { PaymentLedger } from './ports.js';

export interface GiftTotal {
  personId: string;
  year: number;
  /** Gifts received in the year, less what was refunded of them (whenever): membership fees left out. */
  deductibleOre: number;
  /** The payments dated in the year and the refunds of them, also those made later. */
  payments: LedgerPayment[];
}

/**
 * [Refundering] A person's gifts in a calendar year, every payment but membership fees, less refunds
 * (OF's and staff's alike) in the year of the gift they pay back, as the tax report counts them. The
 * year's rules (limits, the fee part of a membership, excluded codes) are applied in the person's tax
 * statement (`GET /admin/tax-report/{year}/statements/{personId}`), which is what SKAT is told.
 */
export async function giftTotal(personId: string, year: number, ports: { ledger: PaymentLedger }): Promise<GiftTotal> {
  const fromTheYearOn = (await ports.ledger.ofPerson(personId, `${year}-01-01`, '9999-12-31')).filter((payment) => payment.posting.state !== 'void');
  const ofTheYear = new Set(fromTheYearOn.filter((payment) => !payment.refundOf && payment.paymentDate <= `${year}-12-31`).map((payment) => payment.id));
  const payments = fromTheYearOn.filter((payment) => ofTheYear.has(payment.refundOf ?? payment.id));
  const deductibleOre = payments.filter(isDeductible).reduce((total, payment) => total + payment.amountOre, 0);
  return { personId, year, deductibleOre, payments };
}
