import type { LedgerPayment } from '../bookkeeping/LedgerPayment.js';
import type { Versioned } from '../person/ports.js';
import type { TaxStatement } from './TaxStatement.js';
import type { TaxYearRules } from './TaxYearRules.js';

/** Port: the rules of each income year, as finance entered them. */
export interface TaxYearRulesStore {
  get(id: string): Promise<Versioned<TaxYearRules> | null>;
  save(rules: TaxYearRules, etag?: string): Promise<'saved' | 'stale'>;
}

/** One giver and the payments that make their year: those dated in it, and every refund of them. */
export interface GiverPayments {
  personId: string;
  payments: LedgerPayment[];
}

/** Port: the ledger as the tax report reads it, a page of givers at a time (never everyone at once). */
export interface TaxReportSources {
  givers(year: number, pageSize: number): AsyncIterable<GiverPayments[]>;
}

/** Port: the statements of the runs. */
export interface TaxStatements {
  /** Writes the statements, whatever was there (a run again replaces its own). */
  saveAll(statements: TaxStatement[]): Promise<void>;
  get(id: string): Promise<Versioned<TaxStatement> | null>;
}
