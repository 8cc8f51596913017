import type { LedgerPayment } from '../bookkeeping/LedgerPayment.js';
import type { PaymentLedger } from '../bookkeeping/ports.js';
import type { ConsentLog } from '../consent/ports.js';
import type { FormSubmissionRecords } from '../forms/ports.js';
import type { OfDataSet } from '../mirror/OnlineFundraisingRecords.js';
import type { MirrorRepository } from '../mirror/ports.js';
import type { Person } from '../person/Person.js';
import type { SignatureStore } from '../signatures/ports.js';
import type { EngagementFacts } from './engagement.js';

export interface EngagementPorts {
  ledger: PaymentLedger;
  signatures: SignatureStore;
  formSubmissions: FormSubmissionRecords;
  consentLog: ConsentLog;
  mirror: MirrorRepository;
}

/** [CARE-Anon] A person's acts, from the stores that hold them. */
export async function engagementFactsOf(person: Person, ports: EngagementPorts): Promise<EngagementFacts & { payments: LedgerPayment[] }> {
  const [payments, signatures, formSubmissions, consentEntries, dataSets] = await Promise.all([
    ports.ledger.allOfPerson(person.id),
    ports.signatures.ofPerson(person.id),
    ports.formSubmissions.ofPerson(person.id),
    ports.consentLog.entriesOf(person.id),
    ports.mirror.findOfPerson(person.id, 'data_set'),
  ]);
  return {
    payments: payments.map((payment) => payment.value),
    signatures,
    formSubmissions,
    consentEntries,
    inboundSms: dataSets.map((record) => record.record as OfDataSet).filter((dataSet) => dataSet.kind === 'sms_inbound'),
  };
}
