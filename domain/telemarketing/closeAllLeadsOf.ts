import { wholeChannel } from '../consent/ConsentEntry.js';
import { type RecordConsentPorts, recordConsentChanges } from '../consent/recordConsentChanges.js';
import { type CloseLeadPorts, closeOpenLeadsOfPerson } from './closeLeads.js';
import type { TelemarketingLead } from './TelemarketingLead.js';

/**
 * [Dialer3] Closes all of a person's open leads at once (from an automation or staff). For "no more
 * calls" the person's phone consent is withdrawn too, so no later transfer takes them.
 */
export async function closeAllLeadsOf(personId: string, reason: 'no-more-calls' | 'closed-by-staff', by: string, ports: CloseLeadPorts & RecordConsentPorts): Promise<TelemarketingLead[]> {
  if (reason === 'no-more-calls') {
    const at = ports.clock.now();
    await recordConsentChanges({ personId, eventKey: `no-more-calls:${at.toISOString()}`, at, source: { kind: 'staff', user: by }, changes: [{ channel: 'phone', topic: wholeChannel, action: 'withdrawn' }] }, ports);
  }
  return closeOpenLeadsOfPerson(personId, reason, ports);
}
