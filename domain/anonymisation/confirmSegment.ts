import { recordAudit } from '../audit/recordAudit.js';
import type { AuditLog } from '../audit/ports.js';
import type { JobRun } from '../jobs/JobRun.js';
import { type StartJobPorts, startJobRun } from '../jobs/startJobRun.js';
import { type Actor, actorReference } from '../shared/Actor.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import type { AnonymisationReason } from './Anonymisation.js';
import { type AnonymisationSegment, type AnonymisationSegmentStore, maxSegmentSize } from './AnonymisationSegment.js';
import { InvalidAnonymisationRequestError, SegmentCountMismatchError, refuseFutureRequestDate } from './errors.js';
import { type SegmentPorts, findSegment } from './findSegment.js';
import type { SegmentCriteria } from './SegmentCriteria.js';

export interface ConfirmSegmentPorts extends SegmentPorts, StartJobPorts {
  segments: AnonymisationSegmentStore;
  auditLog: AuditLog;
}

export interface SegmentConfirmation {
  criteria: SegmentCriteria;
  /** The count the dry run answered, which staff confirm. */
  expectedCount: number;
  reason: AnonymisationReason;
  note?: string;
  requestedOn: string;
}

export const anonymiseSegmentJobName = 'anonymise-segment';

/**
 * [GDPR1] Staff confirm a segment with the count its dry run gave. The segment is found again; if
 * it holds another number now, nothing starts (409). Otherwise its persons are frozen, the
 * confirmation is audited with every person's id, and the run starts.
 */
export async function confirmSegment(confirmation: SegmentConfirmation, actor: Actor, ports: ConfirmSegmentPorts): Promise<{ segment: AnonymisationSegment; run: JobRun }> {
  const today = copenhagenDateOf(ports.clock.now());
  refuseFutureRequestDate(confirmation.requestedOn, today);
  const personIds = await findSegment(confirmation.criteria, ports);
  if (personIds.length !== confirmation.expectedCount) throw new SegmentCountMismatchError(confirmation.expectedCount, personIds.length);
  if (personIds.length > maxSegmentSize) throw new InvalidAnonymisationRequestError([{ field: 'criteria', problem: `${personIds.length} persons; at most ${maxSegmentSize} at a time: narrow the criteria` }]);
  const segment: AnonymisationSegment = {
    id: ports.ids.random(),
    criteria: confirmation.criteria,
    personIds,
    reason: confirmation.reason,
    ...(confirmation.note && { note: confirmation.note }),
    requestedOn: confirmation.requestedOn,
    requestedBy: actor,
    confirmedAt: ports.clock.now().toISOString(),
    done: 0,
    skipped: 0,
  };
  await ports.segments.save(segment);
  await recordAudit(
    { actor, action: 'anonymise segment', kind: 'change', personIds, count: personIds.length, criteria: { ...confirmation.criteria, segmentId: segment.id }, purpose: `${confirmation.reason}${confirmation.note ? `: ${confirmation.note}` : ''}` },
    ports,
  );
  const run = await startJobRun(anonymiseSegmentJobName, { kind: 'staff', requestedBy: actorReference(actor) }, ports, { segmentId: segment.id });
  return { segment, run };
}
