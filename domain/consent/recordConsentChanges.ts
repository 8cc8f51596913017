import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import { type ConsentChannel, type ConsentEntry, type ConsentSource, wholeChannel } from './ConsentEntry.js';
import type { ConsentTopic } from './ConsentTopic.js';
import { currentConsentTopics } from './consentTopics.js';
import { UnknownConsentTopicError } from './errors.js';
import type { ConsentLog, ConsentTopicStore } from './ports.js';

export interface ConsentChange {
  channel: ConsentChannel;
  /** A topic id, or "all" for the whole channel. */
  topic: string;
  action: 'granted' | 'withdrawn';
}

/** One event that changed consents: a signup, a form, a keyword, a call, a staff entry. */
export interface ConsentEvent {
  personId: string;
  /** Unique per event at its source, so the same event recorded twice adds nothing. */
  eventKey: string;
  at: Date;
  source: ConsentSource;
  changes: ConsentChange[];
  campaignCode?: string;
  consentText?: string;
  personsRequest?: string;
}

export interface RecordConsentPorts {
  consentLog: ConsentLog;
  consentTopics: ConsentTopicStore;
  ids: Ids;
  clock: Clock;
}

/**
 * [Permission][Permissionsstruktur2] Appends one log entry per change of the event, after checking
 * each names a topic offered on its channel. Returns the entries; those recorded before are not
 * added again.
 */
export async function recordConsentChanges(event: ConsentEvent, ports: RecordConsentPorts): Promise<ConsentEntry[]> {
  const { topics } = await currentConsentTopics(ports);
  assertKnownTopics(event.changes, topics);
  const recordedAt = ports.clock.now().toISOString();
  const entries = event.changes.map((change) => entryFor(event, change, recordedAt, ports.ids));
  for (const entry of entries) await ports.consentLog.append(entry);
  return entries;
}

function entryFor(event: ConsentEvent, change: ConsentChange, recordedAt: string, ids: Ids): ConsentEntry {
  return {
    id: ids.fromKey(`consent:${event.personId}:${event.eventKey}:${change.channel}:${change.topic}:${change.action}`),
    personId: event.personId,
    at: event.at.toISOString(),
    recordedAt,
    channel: change.channel,
    topic: change.topic,
    action: change.action,
    source: event.source,
    ...(event.campaignCode && { campaignCode: event.campaignCode }),
    ...(event.consentText && { consentText: event.consentText }),
    ...(event.personsRequest && { personsRequest: event.personsRequest }),
  };
}

function assertKnownTopics(changes: ConsentChange[], topics: ConsentTopic[]): void {
  const fields = changes.flatMap((change, index) => {
    if (change.topic === wholeChannel) return [];
    const topic = topics.find((candidate) => candidate.id === change.topic);
    if (!topic) return [{ field: `changes.${index}.topic`, problem: `no consent topic "${change.topic}"` }];
    if (!topic.channels.includes(change.channel)) return [{ field: `changes.${index}.channel`, problem: `topic "${topic.id}" is not offered by ${change.channel}` }];
    return [];
  });
  if (fields.length > 0) throw new UnknownConsentTopicError('a consent names a topic that is not offered on its channel', fields);
}
