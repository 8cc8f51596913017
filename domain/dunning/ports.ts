import type { Versioned } from '../person/ports.js';
import type { AgreementPaymentState } from './AgreementPaymentState.js';
import type { DunningSettings } from './DunningSettings.js';
import type { SegmentMember } from './SegmentMember.js';

/** Port: the per-agreement payment state. Writes are create-once or ETag-conditional. */
export interface AgreementStates {
  get(id: string): Promise<Versioned<AgreementPaymentState> | null>;
  create(state: AgreementPaymentState): Promise<'created' | 'exists'>;
  replace(state: AgreementPaymentState, etag: string): Promise<'replaced' | 'stale'>;
  /** Every agreement of a person, with versions (to move them to a survivor). */
  allOfPerson(personId: string): Promise<Versioned<AgreementPaymentState>[]>;
  /** Every agreement, a page at a time (in no particular order). */
  listAll(page: { pageSize: number; continuationToken?: string }): Promise<{ items: AgreementPaymentState[]; continuationToken?: string }>;
}

/** Port: OF's agreements, as staff change them through the engine. */
export interface OnlineFundraisingAgreements {
  /** Cancels the agreement and its subscriptions in OF as cancelled by the organisation. */
  cancelAgreement(ofAgreementId: string, reason: string): Promise<void>;
}

/** Port: the members of each group as a run found them, one partition per run. */
export interface SegmentMembers {
  saveAll(members: SegmentMember[]): Promise<void>;
  /** The person ids of a run's members (all groups). */
  memberKeys(runId: string): Promise<Set<string>>;
  /** A run's members of one group by person id; winback members may be cut by cancellation date. */
  page(
    runId: string,
    group: string,
    page: { pageSize: number; continuationToken?: string; cancelledFrom?: string; cancelledTo?: string },
  ): Promise<{ items: SegmentMember[]; continuationToken?: string }>;
}

export interface DunningSettingsStore {
  get(id: string): Promise<Versioned<DunningSettings> | null>;
  save(settings: DunningSettings, etag?: string): Promise<'saved' | 'stale'>;
}
