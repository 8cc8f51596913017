import type { MemberServiceTasks, TelemarketingLeads } from '../telemarketing/ports.js';
import type { MemberServiceTask } from '../telemarketing/MemberServiceTask.js';
import type { TelemarketingLead } from '../telemarketing/TelemarketingLead.js';
import type { AuditEntry } from '../audit/AuditEntry.js';
import type { AuditLog } from '../audit/ports.js';
import type { LedgerPayment } from '../bookkeeping/LedgerPayment.js';
import type { PaymentLedger } from '../bookkeeping/ports.js';
import type { ConsentEntry } from '../consent/ConsentEntry.js';
import { type ConsentState, currentConsents } from '../consent/currentConsents.js';
import type { ConsentLog } from '../consent/ports.js';
import type { SendStatistics } from '../delivery/SendStatistics.js';
import type { AgreementPaymentState } from '../dunning/AgreementPaymentState.js';
import type { AgreementStates } from '../dunning/ports.js';
import type { FormSubmissionRecord } from '../forms/FormSubmissionRecord.js';
import type { FormSubmissionRecords } from '../forms/ports.js';
import type { MirrorRecord } from '../mirror/MirrorRecord.js';
import type { MirrorRepository } from '../mirror/ports.js';
import type { Clock } from '../shared/Clock.js';
import { NotFoundError } from '../shared/errors.js';
import type { Signature } from '../signatures/Signature.js';
import type { SignatureStore } from '../signatures/ports.js';
import type { StopListEntry } from '../stoplist/StopListEntry.js';
import type { StopList } from '../stoplist/ports.js';
import type { Person } from './Person.js';
import type { OutboundMessage } from '../sending/OutboundMessage.js';
import type { OutboundMessages } from '../sending/ports.js';
import type { TaxReportMarkers, TaxStatements } from '../taxreport/ports.js';
import type { TaxReportMarker } from '../taxreport/TaxReportMarker.js';
import type { TaxStatement } from '../taxreport/TaxStatement.js';
import type { PersonRepository } from './ports.js';

export interface DataSubjectExportPorts {
  persons: Pick<PersonRepository, 'get'>;
  consentLog: ConsentLog;
  mirror: Pick<MirrorRepository, 'findAllOfPerson'>;
  agreementStates: Pick<AgreementStates, 'allOfPerson'>;
  ledger: Pick<PaymentLedger, 'allOfPerson'>;
  signatures: Pick<SignatureStore, 'ofPerson'>;
  formSubmissions: FormSubmissionRecords;
  stopList: Pick<StopList, 'findByContact'>;
  /** Every send's outcomes, page by page (the interactions). */
  sends(): AsyncIterable<SendStatistics[]>;
  /** [OnlineFundraising7] The messages the engine sent the person, with what came back. */
  messages: Pick<OutboundMessages, 'ofPerson'>;
  /** [Leadflow][Dialer4] The leads handed to telemarketing, and member service's tasks about the person. */
  telemarketingLeads: Pick<TelemarketingLeads, 'ofPersons'>;
  memberServiceTasks: Pick<MemberServiceTasks, 'recent'>;
  /** [Skatteindberetning] The person's yearly gift statements and what was reported to SKAT. */
  taxStatements: Pick<TaxStatements, 'ofPerson'>;
  taxReportMarkers: Pick<TaxReportMarkers, 'ofPerson'>;
  auditLog: AuditLog;
  clock: Clock;
}

/** [KomMed-GDPR] Everything the engine holds about one person, as one document. */
export interface DataSubjectExport {
  exportedAt: string;
  personId: string;
  /** The person as stored, with the CPR number left out (`cprKnown` says whether the engine holds one). */
  person: Omit<Person, 'cpr'> & { cprKnown: boolean };
  consents: { log: ConsentEntry[]; current: ConsentState[] };
  onlineFundraisingRecords: MirrorRecord[];
  agreements: AgreementPaymentState[];
  payments: LedgerPayment[];
  signatures: Signature[];
  formSubmissions: FormSubmissionRecord[];
  stopListEntries: StopListEntry[];
  interactions: { sendId: string; channel: string; outcome: string; reportedAt: string }[];
  messages: OutboundMessage[];
  telemarketingLeads: TelemarketingLead[];
  memberServiceTasks: MemberServiceTask[];
  taxStatements: TaxStatement[];
  taxReportMarkers: TaxReportMarker[];
  auditEntries: AuditEntry[];
}

/**
 * [KomMed-GDPR] The data-subject access export: the person, their consent log, their OF records,
 * agreements, payments, signatures, form submissions, stop-list entries matching their phones and
 * emails, the outcomes of mails and SMS sent to them (reported by other systems, and the engine's own
 * messages with their events), their telemarketing leads with the call outcomes, member service's
 * tasks about them, their yearly gift statements and what was reported to SKAT, and the audit entries
 * about them.
 */
export async function dataSubjectExport(personId: string, ports: DataSubjectExportPorts): Promise<DataSubjectExport> {
  const stored = (await ports.persons.get(personId))?.value;
  if (!stored) throw new NotFoundError(`no person ${personId}`);
  const { cpr, ...person } = stored;
  const log = await ports.consentLog.entriesOf(personId);
  const phones = [stored.phones.primary, stored.phones.secondary].filter((phone): phone is string => !!phone);
  return {
    exportedAt: ports.clock.now().toISOString(),
    personId,
    person: { ...person, cprKnown: cpr !== undefined },
    consents: { log, current: currentConsents(log) },
    onlineFundraisingRecords: (await ports.mirror.findAllOfPerson(personId)).map((record) => record.value),
    agreements: (await ports.agreementStates.allOfPerson(personId)).map((state) => state.value),
    payments: (await ports.ledger.allOfPerson(personId)).map((payment) => payment.value),
    signatures: await ports.signatures.ofPerson(personId),
    formSubmissions: await ports.formSubmissions.ofPerson(personId),
    stopListEntries: await ports.stopList.findByContact({ phones, emails: stored.emails }),
    interactions: await interactionsOf(personId, ports),
    messages: await ports.messages.ofPerson(personId),
    telemarketingLeads: await ports.telemarketingLeads.ofPersons([personId]),
    memberServiceTasks: await ports.memberServiceTasks.recent(1_000, { personId }),
    taxStatements: await ports.taxStatements.ofPerson(personId),
    taxReportMarkers: await ports.taxReportMarkers.ofPerson(personId),
    auditEntries: await allAuditEntriesAbout(personId, ports.auditLog),
  };
}

async function interactionsOf(personId: string, ports: DataSubjectExportPorts): Promise<DataSubjectExport['interactions']> {
  const found: DataSubjectExport['interactions'] = [];
  for await (const page of ports.sends()) {
    for (const send of page) {
      const outcome = send.outcomes[personId];
      if (outcome) found.push({ sendId: send.sendId, channel: send.channel, outcome, reportedAt: send.updatedAt });
    }
  }
  return found;
}

async function allAuditEntriesAbout(personId: string, auditLog: AuditLog): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await auditLog.find({ personId }, { pageSize: 500, ...(continuationToken && { continuationToken }) });
    entries.push(...page.entries);
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return entries;
}
