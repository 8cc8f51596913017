import type { ConsentEntry } from '../consent/ConsentEntry.js';
import type { DunningGroup } from '../dunning/SegmentMember.js';
import type { Person } from '../person/Person.js';
import type { Versioned } from '../person/ports.js';
import type { SegmentDefinition } from './SegmentDefinition.js';

/** What the segment facts of a page of persons are made of, read in one query per store. */
export interface SegmentFactRows {
  signatures: { personId: string; petitionId: string; signedAt: string; campaignCode?: string }[];
  /** Received donations (refunds left out); the evaluation keeps the latest per person. */
  donations: { personId: string; paymentDate: string; amountOre: number }[];
  dunningGroups: { personId: string; group: DunningGroup }[];
  consentEntries: ConsentEntry[];
  leads: { personId: string; campaignId: string; handedOverAt: string; status: 'open' | 'closed'; outcome?: string }[];
  /** The call campaigns that are active now. */
  activeCallCampaigns: string[];
}

/** Port: what segments are evaluated over, a page at a time, so no evaluation holds everyone at once. */
export interface SegmentSources {
  /** Every person not merged away, page by page (anonymised ones included: the filter leaves them out and counts them). */
  persons(pageSize: number): AsyncIterable<Person[]>;
  factsOf(personIds: string[]): Promise<SegmentFactRows>;
  /** Postcode → municipality, as staff loaded it. */
  municipalities(): Promise<Map<string, string>>;
  /** Whether a petition is known: a form names it or someone signed it. */
  petitionExists(petitionId: string): Promise<boolean>;
}

/** Port: the segment definitions staff keep. */
export interface SegmentDefinitions {
  get(id: string): Promise<Versioned<SegmentDefinition> | null>;
  save(definition: SegmentDefinition, etag?: string): Promise<'saved' | 'stale'>;
  list(): Promise<SegmentDefinition[]>;
}
