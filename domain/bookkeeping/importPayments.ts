import type { Clock } from '../shared/Clock.js';
import { forEachConcurrently } from '../shared/forEachConcurrently.js';
import type { Ids } from '../shared/Ids.js';
import { currentBookkeepingChart } from './currentBookkeepingChart.js';
import type { ImportedPaymentRow } from './ImportedPaymentRow.js';
import type { ImportSource, LedgerPayment, PostingState } from './LedgerPayment.js';
import type { BookkeepingChartStore, PaymentLedger } from './ports.js';

export interface ImportPaymentsPorts {
  ledger: PaymentLedger;
  chart: BookkeepingChartStore;
  ids: Ids;
  clock: Clock;
}

export interface ImportOutcome {
  imported: number;
  /** Rows whose reference was imported before (a file uploaded twice): left as they were. */
  alreadyImported: number;
}

const writesAtOnce = 16;

/** An imported payment's id, from its source and reference: the same row imported again is the same payment. */
export function ledgerIdForImport(ids: Ids, source: ImportSource, reference: string): string {
  return ids.fromKey(`ledger:${source}:${reference}`);
}

/**
 * [BetalingUdenomOF][Rapportering3] Payments made outside OF (invoices and EAN billed in the ERP,
 * bank transfers, MobilePay business-platform donations) enter the ledger, booked as the chart's
 * import policy for the source says: already posted elsewhere, or to post. A row imported before
 * is never imported, nor posted, twice.
 */
export async function importPayments(source: ImportSource, rows: ImportedPaymentRow[], defaultCampaignCode: string | undefined, ports: ImportPaymentsPorts): Promise<ImportOutcome> {
  const { chart } = await currentBookkeepingChart(ports);
  const policy = chart.importPolicies.find((candidate) => candidate.source === source);
  const posting: PostingState = policy?.posting === 'to_post' ? { state: 'to_post' } : { state: 'already_posted', reason: `imported from ${source}, booked outside the posting runs` };
  const now = ports.clock.now().toISOString();
  const outcome: ImportOutcome = { imported: 0, alreadyImported: 0 };
  await forEachConcurrently(rows, writesAtOnce, async (row) => {
    const campaignCode = row.campaignCode ?? defaultCampaignCode;
    const payment: LedgerPayment = {
      id: ledgerIdForImport(ports.ids, source, row.reference),
      source,
      sourceReference: row.reference,
      amountOre: row.amountOre,
      paymentDate: row.date,
      channel: policy?.channel ?? (source === 'mobilepay_business' ? 'mobilepay' : source),
      ...(campaignCode && { campaignCode }),
      posting,
      recordedAt: now,
      updatedAt: now,
    };
    if ((await ports.ledger.create(payment)) === 'created') outcome.imported++;
    else outcome.alreadyImported++;
  });
  return outcome;
}
