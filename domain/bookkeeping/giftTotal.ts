import { isDeductible } from './LedgerPayment.js';
import type { LedgerPayment } from './LedgerPayment.js';
import type { PaymentLedger } from './ports.js';

export interface GiftTotal {
  personId: string;
  year: number;
  /** Deductible gifts in the year, refunds subtracted: the figure for the annual tax report. */
  deductibleOre: number;
  payments: LedgerPayment[];
}

/**
 * [Refundering] A person's gifts in a calendar year as the tax report counts them: every payment
 * received but membership fees, less refunds (OF's and staff's alike), by payment date.
 */
export async function giftTotal(personId: string, year: number, ports: { ledger: PaymentLedger }): Promise<GiftTotal> {
  const payments = (await ports.ledger.ofPerson(personId, `${year}-01-01`, `${year}-12-31`)).filter((payment) => payment.posting.state !== 'void');
  const deductibleOre = payments.filter(isDeductible).reduce((total, payment) => total + payment.amountOre, 0);
  return { personId, year, deductibleOre, payments };
}
