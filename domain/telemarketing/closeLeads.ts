import type { Versioned } from '../person/ports.js';
import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import type { Dialer } from './Dialer.js';
import type { TelemarketingLeads } from './ports.js';
import type { LeadOutcome, TelemarketingLead } from './TelemarketingLead.js';

export interface CloseLeadPorts {
  leads: TelemarketingLeads;
  dialer: Dialer;
  clock: Clock;
}

const notes: Partial<Record<LeadOutcome, string>> = {
  'closed-for-higher-priority': 'closed by MS: the person went to a campaign of higher priority',
  'no-more-calls': 'closed by MS: the person asked not to be called',
  anonymised: 'closed by MS: the person asked to be forgotten',
  'closed-by-staff': 'closed by MS staff',
};

/**
 * [Dialer3] Closes a lead at once: in the dialer first (which confirms; a dialer lead still open there
 * would still be called), then in the engine with why. A lead handed over by file closes in the engine
 * only: the vendor's file is theirs. Closing a closed lead changes nothing.
 */
export async function closeLead(leadId: string, outcome: LeadOutcome, ports: CloseLeadPorts): Promise<TelemarketingLead | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await ports.leads.get(leadId);
    if (!stored) return null;
    if (stored.value.status === 'closed') return stored.value;
    const dialerLeadId = stored.value.dialer?.dialerLeadId;
    if (dialerLeadId) await ports.dialer.closeLead(dialerLeadId, notes[outcome] ?? `closed by MS: ${outcome}`);
    const closed = await recordClosed(stored, outcome, ports);
    if (closed) return closed;
  }
  throw new ConcurrencyConflictError(`lead ${leadId} changed concurrently while it was closed`);
}

/** [Dialer3] Closes every open lead of the person, except those `keep` wants kept; answers the ones closed. */
export async function closeOpenLeadsOfPerson(personId: string, outcome: LeadOutcome, ports: CloseLeadPorts, keep: (lead: TelemarketingLead) => boolean = () => false): Promise<TelemarketingLead[]> {
  const open = (await ports.leads.ofPersons([personId])).filter((lead) => lead.status === 'open' && !keep(lead));
  const closed: TelemarketingLead[] = [];
  for (const lead of open) {
    const done = await closeLead(lead.id, outcome, ports);
    if (done) closed.push(done);
  }
  return closed;
}

async function recordClosed(stored: Versioned<TelemarketingLead>, outcome: LeadOutcome, ports: Pick<CloseLeadPorts, 'leads' | 'clock'>): Promise<TelemarketingLead | null> {
  const closed: TelemarketingLead = { ...stored.value, status: 'closed', outcome, closedAt: ports.clock.now().toISOString() };
  return (await ports.leads.replace(closed, stored.etag)) === 'replaced' ? closed : null;
}
