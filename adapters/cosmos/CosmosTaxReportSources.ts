import type { Container } from '@azure/cosmos';
import type { LedgerPayment } from '../../domain/bookkeeping/LedgerPayment.js';
import type { GiverPayments, TaxReportSources } from '../../domain/taxreport/ports.js';
import { queryPages } from './queryPage.js';

/** Ledger documents fetched per query page. */
const documentsPerPage = 5_000;

/**
 * [Skatteindberetning] The ledger (container `payments`) as the tax report reads it: one query over
 * the payments of persons dated in the year and the refunds made after it, ordered by person, so each
 * giver's payments arrive together and a page of givers is handed over at a time.
 */
export class CosmosTaxReportSources implements TaxReportSources {
  constructor(private readonly payments: Container) {}

  async *givers(year: number, pageSize: number): AsyncIterable<GiverPayments[]> {
    const query = {
      query: 'SELECT * FROM c WHERE IS_DEFINED(c.personId) AND ((c.paymentDate >= @from AND c.paymentDate <= @to) OR (IS_DEFINED(c.refundOf) AND c.paymentDate > @to)) ORDER BY c.personId',
      parameters: [
        { name: '@from', value: `${year}-01-01` },
        { name: '@to', value: `${year}-12-31` },
      ],
    };
    let page: GiverPayments[] = [];
    let current: GiverPayments | undefined;
    for await (const documents of queryPages<LedgerPayment>(this.payments, query, documentsPerPage)) {
      for (const payment of documents) {
        if (current?.personId !== payment.personId) {
          if (page.length >= pageSize) {
            yield page;
            page = [];
          }
          current = { personId: payment.personId!, payments: [] };
          page.push(current);
        }
        current!.payments.push(payment);
      }
    }
    if (page.length > 0) yield page;
  }
}
