import type { BookkeepingChart } from './BookkeepingChart.js';
import type { LedgerPayment } from './LedgerPayment.js';
import { type PostingDimensions, type PostingLine, postingKeyOf } from './PostingLine.js';

interface Sum {
  lineId: string;
  dimensions: PostingDimensions;
  lumpSumOre: number;
  paymentCount: number;
}

/**
 * [Bogføring][DBF-Sumtotal] Sums a run's claimed payments into its lines, one payment at a time, so
 * a run over a million payments holds one entry per line, not the payments.
 */
export class PostingLineBuilder {
  private readonly sums = new Map<string, Sum>();

  add(payment: LedgerPayment): void {
    const { posting } = payment;
    if (posting.state !== 'posted') throw new Error(`payment ${payment.id} is not claimed by a run`);
    const sum = this.sums.get(posting.lineId);
    if (sum) {
      sum.lumpSumOre += payment.amountOre;
      sum.paymentCount += 1;
      return;
    }
    const { postingDate, contraAccountNumber, accountNumber, project, budgetLine } = posting;
    const dimensions = { postingDate, contraAccountNumber, accountNumber, ...(project && { project }), ...(budgetLine && { budgetLine }) };
    this.sums.set(posting.lineId, { lineId: posting.lineId, dimensions, lumpSumOre: payment.amountOre, paymentCount: 1 });
  }

  /** The lines, numbered in the order of their dimensions, with the chart's descriptions. */
  lines(runId: string, chart: BookkeepingChart): PostingLine[] {
    const accounts = new Map(chart.accounts.map((account) => [account.number, account.description]));
    const contraAccounts = new Map(chart.contraAccounts.map((contra) => [contra.number, contra.description]));
    const keyed = [...this.sums.values()].map((sum) => ({ sum, key: postingKeyOf(sum.dimensions) }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return keyed.map(({ sum }, index) => ({
      id: sum.lineId,
      runId,
      lineNumber: index + 1,
      ...sum.dimensions,
      accountDescription: accounts.get(sum.dimensions.accountNumber) ?? '',
      contraAccountDescription: contraAccounts.get(sum.dimensions.contraAccountNumber) ?? '',
      lumpSumOre: sum.lumpSumOre,
      paymentCount: sum.paymentCount,
    }));
  }
}
