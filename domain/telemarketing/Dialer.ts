/** [Dialer1] A lead as the dialer takes it: who to call, and the data the caller sees beside the name. */
export interface DialerLeadInput {
  /** The engine's lead id: the dialer answers the same lead when it is sent again. */
  externalId: string;
  firstName: string;
  lastName: string;
  /** E.164. */
  phone: string;
  email?: string;
  data: Record<string, string>;
}

export type CallResult = 'yes' | 'no' | 'max-attempts';

/** [Dialer5] What the caller recorded when the lead was finished. */
export interface DialerCallOutcome {
  result: CallResult;
  fundraiserId: string;
  /** Instant (UTC). */
  completedAt: string;
  newsletter: boolean;
  noMoreCalls: boolean;
  stopList: boolean;
  contactUpdates?: { firstName?: string; lastName?: string; email?: string; phone?: string };
  /** The OF agreement signed up or changed in OF's Onboarding App during the call. */
  agreementId?: string;
  note?: string;
}

export interface DialerLeadState {
  dialerLeadId: string;
  externalId: string;
  dialerCampaignId: string;
  status: 'open' | 'closed';
  closedAt?: string;
  outcome?: DialerCallOutcome;
}

/** [Dialer4] A task member service at the dialer vendor made for MS. */
export interface DialerTask {
  id: string;
  subject: string;
  description: string;
  dialerLeadId?: string;
  name?: string;
  phone?: string;
  email?: string;
  createdBy: string;
  createdAt: string;
}

/** Port: the dialer (HeroBase), through its API. */
export interface Dialer {
  /** Every campaign in the dialer (all pages). */
  campaigns(): Promise<{ id: string; name: string; status: 'active' | 'closed' }[]>;
  createLead(dialerCampaignId: string, lead: DialerLeadInput): Promise<{ dialerLeadId: string }>;
  /** Changes an open lead's data (e.g. enrichment that changed since it was made). */
  updateLead(dialerLeadId: string, changes: Partial<Omit<DialerLeadInput, 'externalId'>>): Promise<void>;
  /** Closes the lead at once; closing a closed lead is fine. */
  closeLead(dialerLeadId: string, note: string): Promise<void>;
  lead(dialerLeadId: string): Promise<DialerLeadState | null>;
  task(taskId: string): Promise<DialerTask | null>;
}
