import type { PersonRepository } from '../person/ports.js';
import { summariseEngagement } from './engagementSummary.js';
import type { EngagementSources } from './ports.js';
import { type SegmentCriteria, assertCriteria, inSegment } from './SegmentCriteria.js';

export interface SegmentPorts {
  persons: PersonRepository;
  engagementSources: EngagementSources;
}

const pageSize = 1_000;

/**
 * [GDPR1] The ids of everyone the criteria take, sorted. Everyone's last engagement and payment are
 * folded from the stores first (a few large reads), then the persons are read once, a page at a time.
 */
export async function findSegment(criteria: SegmentCriteria, ports: SegmentPorts): Promise<string[]> {
  assertCriteria(criteria);
  const engagement = await summariseEngagement(ports);
  const found: string[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await ports.persons.listAll({ pageSize, ...(continuationToken && { continuationToken }) });
    for (const person of page.items) if (inSegment(person, engagement.get(person.id) ?? {}, criteria)) found.push(person.id);
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return found.sort();
}
