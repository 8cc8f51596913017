import type { ConsentChannel } from './ConsentEntry.js';

/** [Permission] A kind of communication a person can say yes or no to, on the channels it uses. */
export interface ConsentTopic {
  /** Short stable name used in the log, e.g. "newsletter-1". */
  id: string;
  name: string;
  channels: ConsentChannel[];
}

export interface ConsentTopicTable {
  id: typeof consentTopicsId;
  topics: ConsentTopic[];
  updatedAt: string;
}

export const consentTopicsId = 'consent-topics';

/** The topics the engine starts with (README, "Consent"); staff change them through the admin API. */
export const defaultConsentTopics: ConsentTopic[] = [
  { id: 'newsletter-1', name: 'Nyhedsbrev 1', channels: ['email'] },
  { id: 'newsletter-2', name: 'Nyhedsbrev 2', channels: ['email'] },
  { id: 'general-email', name: 'Generelle mails', channels: ['email'] },
  { id: 'council-election', name: 'Rådsvalg', channels: ['email', 'sms', 'post'] },
  { id: 'fundraising', name: 'Indsamling', channels: ['email', 'sms', 'phone', 'post'] },
];
