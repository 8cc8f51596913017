import type { Actor } from '../shared/Actor.js';

/** Why a person is anonymised: they asked (GDPR art. 17), MS has no reason left to keep them (a segment or the schedule), or another reason staff give. */
export const anonymisationReasons = ['persons-request', 'no-longer-needed', 'other'] as const;
export type AnonymisationReason = (typeof anonymisationReasons)[number];

/** An outside system's part of an anonymisation: asked and not yet confirmed, or confirmed. */
export interface OutsideAnonymisation {
  status: 'pending' | 'confirmed';
  /** Instant (UTC) the system confirmed. */
  confirmedAt?: string;
}

/** What anonymising kept, and why, so staff and auditors can read it on the tombstone. */
export interface WhatWasKept {
  /** The first fiscal year whose payments were kept (see retention.ts). */
  firstRetainedYear: number;
  cprKept: boolean;
  cprReason: string;
  paymentsKept: number;
  paymentsRemoved: number;
  /** Signatures stay (without contact details) so petition totals hold ([Leadflow]). */
  signaturesKept: number;
}

/**
 * [GDPR1] The tombstone's record of its anonymisation. `pending` while the outside systems (OF, the
 * CRM) have not confirmed; `anonymised` (with `anonymisedAt`) once every one has. From the first
 * moment the engine holds nothing personal of the person, and nothing arriving later brings it back.
 */
export interface PersonAnonymisation {
  status: 'pending' | 'anonymised';
  reason: AnonymisationReason;
  /** Staff's words on the reason, when they gave any. */
  note?: string;
  /** Business date (YYYY-MM-DD, Europe/Copenhagen) the person asked, or the segment or schedule decided. */
  requestedOn: string;
  requestedBy: Actor;
  /** Instant (UTC) the engine started. */
  startedAt: string;
  /** Instant (UTC) every system confirmed. */
  anonymisedAt?: string;
  kept: WhatWasKept;
  /** Ledger payments before the retention window, removed by the continuation. */
  removedPaymentIds: string[];
  /** CRM columns the field mapping filled for the person, emptied in the CRM with the standard ones. */
  crmColumns: string[];
  /** OF contacts to anonymise there (the person's own and those merged into it): OF's ids, which identify nobody once OF has anonymised them. */
  onlineFundraisingContactIds: string[];
  /** Other person records merged into this one, anonymised with it. */
  mergedPersonIds: string[];
  outside: { onlineFundraising: OutsideAnonymisation; crm: OutsideAnonymisation };
  /** The segment job or schedule that started it, when one did. */
  runId?: string;
}

/** What staff ask for: who, why, since when, and what the person wants on the stop list. */
export interface AnonymisationRequest {
  reason: AnonymisationReason;
  note?: string;
  requestedOn: string;
  /**
   * [StopList] What the person asked: `leave` keeps any entry they have as it is; `remove` takes
   * their phone and email off it; channels put (or keep) them on it for those channels.
   */
  stopList: 'leave' | 'remove' | { sms: boolean; telemarketing: boolean };
}
