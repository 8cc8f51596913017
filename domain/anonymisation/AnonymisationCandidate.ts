/**
 * [CARE-Anon] A person the schedule found silent long enough, with the day they will be anonymised
 * on (one month after they were found), so staff can see them and decide first.
 * - `scheduled`: found by the rules; anonymised on `anonymiseOn` if the rules still find them then;
 * - `included`: staff confirmed it; anonymised on `anonymiseOn` unless the person engaged meanwhile,
 *   whatever the exclusion rules say;
 * - `excluded`: staff said no; the schedule leaves them alone until staff change it;
 * - `withdrawn`: the rules no longer find them (they engaged, or an exclusion now applies);
 * - `anonymised`: done.
 * Dates are business dates (YYYY-MM-DD, Europe/Copenhagen).
 */
export interface AnonymisationCandidate {
  /** The person's id (one candidate per person). */
  id: string;
  status: 'scheduled' | 'included' | 'excluded' | 'withdrawn' | 'anonymised';
  foundOn: string;
  anonymiseOn: string;
  /** The day of the last engagement, or when first seen if they never engaged. */
  silentSince?: string;
  /** Why the rules withdrew them. */
  withdrawnBecause?: string;
  staffDecision?: { decision: 'include' | 'exclude'; by: string; at: string; note?: string };
  updatedAt: string;
}

/** Port: the candidates. Writes are create-once or ETag-conditional. */
export interface AnonymisationCandidates {
  get(personId: string): Promise<{ value: AnonymisationCandidate; etag: string } | null>;
  save(candidate: AnonymisationCandidate, etag?: string): Promise<'saved' | 'stale'>;
  /** Candidates in one status (all when left out), soonest `anonymiseOn` first, a page at a time. */
  list(query: { status?: AnonymisationCandidate['status']; pageSize: number; continuationToken?: string }): Promise<{ items: AnonymisationCandidate[]; continuationToken?: string }>;
}
