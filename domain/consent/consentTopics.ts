import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import { type ConsentTopic, type ConsentTopicTable, consentTopicsId, defaultConsentTopics } from './ConsentTopic.js';
import type { ConsentTopicStore } from './ports.js';

/** [Permission] The consent topics in force: staff's table, or the defaults until they save one. */
export async function currentConsentTopics(ports: { consentTopics: ConsentTopicStore }): Promise<ConsentTopicTable> {
  const stored = await ports.consentTopics.get(consentTopicsId);
  return stored?.value ?? { id: consentTopicsId, topics: defaultConsentTopics, updatedAt: new Date(0).toISOString() };
}

/** [Permission] Staff redefine the topics; entries already in the log keep the topic they name. */
export async function replaceConsentTopics(topics: ConsentTopic[], ports: { consentTopics: ConsentTopicStore; clock: Clock }): Promise<ConsentTopicTable> {
  const table: ConsentTopicTable = { id: consentTopicsId, topics, updatedAt: ports.clock.now().toISOString() };
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.consentTopics.get(consentTopicsId);
    if ((await ports.consentTopics.save(table, stored?.etag)) === 'saved') return table;
  }
  throw new ConcurrencyConflictError('the consent topics changed concurrently 5 times in a row');
}
