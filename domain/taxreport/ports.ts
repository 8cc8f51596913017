import type { LedgerPayment } from '../bookkeeping/LedgerPayment.js';
import type { Versioned } from '../person/ports.js';
import type { TaxDelivery } from './TaxDelivery.js';
import type { TaxReporter, taxReporterId } from './TaxReporter.js';
import type { TaxReportMarker } from './TaxReportMarker.js';
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
  /** Every statement of the person, one per income year computed. */
  ofPerson(personId: string): Promise<TaxStatement[]>;
  /** Whether any statement of the year exists (a run computed it). */
  anyOf(year: number): Promise<boolean>;
  /** The persons with something reported for the year, with or without a CPR number, a page at a time. */
  reportedPersonIds(year: number, cprKnown: boolean, pageSize: number): AsyncIterable<string[]>;
}

/** Port: the markers of what was reported, per person, year and delivery. */
export interface TaxReportMarkers {
  /** Writes the markers, whatever was there (a delivery's run again writes the same). */
  saveAll(markers: TaxReportMarker[]): Promise<void>;
  /** For each of the CPR numbers (keyed hashes), the newest marker of the year from a delivery before `beforeDelivery`. */
  latestBefore(year: number, cprLookups: readonly string[], beforeDelivery: number): Promise<Map<string, TaxReportMarker>>;
  /** For each CPR number reported for the year before `beforeDelivery`, its newest marker, a page at a time. */
  latestOfYear(year: number, beforeDelivery: number, pageSize: number): AsyncIterable<TaxReportMarker[]>;
  /** A delivery's markers, a page at a time, by person. */
  ofDelivery(deliveryNumber: number, pageSize: number): AsyncIterable<TaxReportMarker[]>;
  /** Every marker of the person, newest first. */
  ofPerson(personId: string): Promise<TaxReportMarker[]>;
}

/** Port: the deliveries to SKAT (few, small documents). */
export interface TaxDeliveries {
  get(id: string): Promise<Versioned<TaxDelivery> | null>;
  /** Without `etag` only creates (`stale` when the number is taken); with it replaces only if unchanged. */
  save(delivery: TaxDelivery, etag?: string): Promise<'saved' | 'stale'>;
  /** All of them, newest number first. */
  list(): Promise<TaxDelivery[]>;
}

/** Port: MS's CVR and SE numbers as finance entered them. */
export interface TaxReporterStore {
  get(id: typeof taxReporterId): Promise<Versioned<TaxReporter> | null>;
  save(reporter: TaxReporter, etag?: string): Promise<'saved' | 'stale'>;
}
