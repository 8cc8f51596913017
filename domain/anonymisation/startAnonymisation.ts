import { recordAudit } from '../audit/recordAudit.js';
import type { AuditLog } from '../audit/ports.js';
import type { PaymentLedger } from '../bookkeeping/ports.js';
import type { WorkQueue } from '../messaging/WorkItem.js';
import { type Person, isAnonymised } from '../person/Person.js';
import type { PersonRepository } from '../person/ports.js';
import type { Actor } from '../shared/Actor.js';
import type { Clock } from '../shared/Clock.js';
import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import { ConcurrencyConflictError, NotFoundError } from '../shared/errors.js';
import type { Ids } from '../shared/Ids.js';
import type { SignatureStore } from '../signatures/ports.js';
import type { StopList } from '../stoplist/ports.js';
import type { AnonymisationRequest, PersonAnonymisation } from './Anonymisation.js';
import { AlreadyAnonymisedError, MergedPersonError, refuseFutureRequestDate } from './errors.js';
import { mergedPersonIdsOf } from './mergedPersonIdsOf.js';
import { decideRetention, reportedYears } from './retention.js';
import type { TaxReportMarkers } from '../taxreport/ports.js';
import { assertStopListWish, honourStopListWish } from './honourStopListWish.js';
import { tombstoneOf } from './tombstone.js';

export interface StartAnonymisationPorts {
  persons: PersonRepository;
  ledger: PaymentLedger;
  /** [Skatteindberetning] What was reported to SKAT: the years decide whether the CPR number is kept. */
  taxReportMarkers: Pick<TaxReportMarkers, 'ofPerson'>;
  signatures: SignatureStore;
  stopList: StopList;
  auditLog: AuditLog;
  anonymisationQueue: WorkQueue;
  ids: Ids;
  clock: Clock;
}

export const anonymisationKind = 'anonymisation';

/**
 * [GDPR1] Starts anonymising a person: decides what the retention rule keeps, honours the person's
 * stop-list wish ([StopList]), writes who asked, why and what is kept to the audit log, and turns
 * the person into a tombstone at once, so nothing personal is served from here on. The rest (the
 * person's other records, OF and the CRM) is queued and done by `continueAnonymisation` until every
 * system has confirmed.
 */
export async function startAnonymisation(
  personId: string,
  request: AnonymisationRequest,
  context: { actor: Actor; runId?: string },
  ports: StartAnonymisationPorts,
): Promise<PersonAnonymisation> {
  const now = ports.clock.now();
  const stored = await activePerson(personId, ports);
  refuseFutureRequestDate(request.requestedOn, copenhagenDateOf(now));
  assertStopListWish(stored.value, request);
  const anonymisation = await planAnonymisation(stored.value, request, context, ports);
  await honourStopListWish(stored.value, request, context.actor, ports);
  await recordAudit(
    {
      actor: context.actor,
      action: 'anonymise person',
      kind: 'change',
      personIds: [personId, ...anonymisation.mergedPersonIds],
      criteria: { reason: request.reason, requestedOn: request.requestedOn, cprKept: String(anonymisation.kept.cprKept), paymentsKept: String(anonymisation.kept.paymentsKept) },
      purpose: `${request.reason}${request.note ? `: ${request.note}` : ''}; ${anonymisation.kept.cprReason}`,
    },
    ports,
  );
  if ((await ports.persons.replace(tombstoneOf(stored.value, anonymisation, now), stored.etag)) === 'stale') {
    throw new ConcurrencyConflictError(`person ${personId} changed while the anonymisation was being prepared; ask again`);
  }
  await ports.anonymisationQueue.enqueue({
    messageId: ports.ids.fromKey(`anonymisation:${personId}`),
    kind: anonymisationKind,
    body: { personId },
    enqueuedAt: now.toISOString(),
    subject: `person:${personId}`,
  });
  return anonymisation;
}

async function activePerson(personId: string, ports: Pick<StartAnonymisationPorts, 'persons'>) {
  const stored = await ports.persons.get(personId);
  if (!stored) throw new NotFoundError(`no person ${personId}`);
  if (isAnonymised(stored.value)) throw new AlreadyAnonymisedError(`person ${personId} is ${stored.value.anonymisation?.status === 'pending' ? 'being anonymised' : 'anonymised'} already`);
  if (stored.value.mergedInto) throw new MergedPersonError(stored.value.mergedInto);
  return stored;
}

async function planAnonymisation(
  person: Person,
  request: AnonymisationRequest,
  context: { actor: Actor; runId?: string },
  ports: StartAnonymisationPorts,
): Promise<PersonAnonymisation> {
  const now = ports.clock.now();
  const [payments, markers, signatures, mergedPersonIds] = await Promise.all([
    ports.ledger.allOfPerson(person.id),
    ports.taxReportMarkers.ofPerson(person.id),
    ports.signatures.ofPerson(person.id),
    mergedPersonIdsOf(person.id, ports),
  ]);
  const ledgerPayments = payments.map((payment) => payment.value);
  const cprKnown = person.cpr !== undefined;
  const retention = decideRetention({ cprKnown, deductionReportedYears: reportedYears(markers, ledgerPayments, cprKnown), payments: ledgerPayments }, copenhagenDateOf(now));
  const mergedPersons = await Promise.all(mergedPersonIds.map((id) => ports.persons.get(id)));
  const contactIds = [person, ...mergedPersons.map((stored) => stored?.value)].flatMap((each) => (each?.onlineFundraising ? [each.onlineFundraising.contactId] : []));
  return {
    status: 'pending',
    reason: request.reason,
    ...(request.note && { note: request.note }),
    requestedOn: request.requestedOn,
    requestedBy: context.actor,
    startedAt: now.toISOString(),
    kept: {
      firstRetainedYear: retention.firstRetainedYear,
      cprKept: retention.keepCpr,
      cprReason: retention.cprReason,
      paymentsKept: retention.keptPaymentIds.length,
      paymentsRemoved: retention.removedPaymentIds.length,
      signaturesKept: signatures.length,
    },
    removedPaymentIds: retention.removedPaymentIds,
    crmColumns: Object.keys(person.mappedFields ?? {}),
    onlineFundraisingContactIds: [...new Set(contactIds)],
    mergedPersonIds,
    outside: { onlineFundraising: { status: 'pending' }, crm: { status: 'pending' } },
    ...(context.runId && { runId: context.runId }),
  };
}
