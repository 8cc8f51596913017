import type { Versioned } from '../person/ports.js';
import type { BookkeepingChart } from './BookkeepingChart.js';
import type { Campaign } from './Campaign.js';
import type { LedgerPayment } from './LedgerPayment.js';
import type { PostingLine } from './PostingLine.js';
import type { PostingRun } from './PostingRun.js';

/** Port: the engine's payments as the books see them. Writes are create-once or ETag-conditional. */
export interface PaymentLedger {
  get(id: string): Promise<Versioned<LedgerPayment> | null>;
  create(payment: LedgerPayment): Promise<'created' | 'exists'>;
  replace(payment: LedgerPayment, etag: string): Promise<'replaced' | 'stale'>;
  /** Up to `limit` payments still to post, dated on or before `date`, in id order after `afterId`. */
  toPostUpTo(date: string, afterId: string, limit: number): Promise<Versioned<LedgerPayment>[]>;
  /** The payments a posting run has claimed, page by page. */
  claimedBy(runId: string): AsyncIterable<LedgerPayment[]>;
  /** Payments not posted yet under an OF agreement that arrived after them (so without its kind). */
  withoutAgreementKind(ofAgreementId: string): Promise<Versioned<LedgerPayment>[]>;
  /** Every payment of a person, with versions (to move them to a survivor). */
  allOfPerson(personId: string): Promise<Versioned<LedgerPayment>[]>;
  /** A person's payments dated within [from, to]. */
  ofPerson(personId: string, from: string, to: string): Promise<LedgerPayment[]>;
}

/** Port: campaigns and their posting dimensions ([Kampagnemodel]). */
export interface CampaignCatalogue {
  get(code: string): Promise<Campaign | null>;
  all(): Promise<Campaign[]>;
  save(campaign: Campaign): Promise<void>;
}

/** Port: the chart of accounts, contra accounts and import policies (one staff-maintained table). */
export interface BookkeepingChartStore {
  get(id: string): Promise<Versioned<BookkeepingChart> | null>;
  save(chart: BookkeepingChart, etag?: string): Promise<'saved' | 'stale'>;
}

/** Port: posting runs and their lines. */
export interface PostingRuns {
  get(id: string): Promise<Versioned<PostingRun> | null>;
  save(run: PostingRun, etag?: string): Promise<'saved' | 'stale'>;
  list(): Promise<PostingRun[]>;
  /** Writes the run's lines whatever they held (they are rebuilt the same way on a resume). */
  saveLines(lines: PostingLine[]): Promise<void>;
  lines(runId: string): Promise<PostingLine[]>;
}
