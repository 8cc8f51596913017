import { Hono } from 'hono';
import { z } from 'zod';
import { consentChannels } from '../../domain/consent/ConsentEntry.js';
import type { Person } from '../../domain/person/Person.js';
import type { PersonRepository } from '../../domain/person/ports.js';
import { type SegmentPorts, filterSegment } from '../../domain/segments/filterSegment.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest, problem } from './problem.js';

const filterBody = z.object({
  team: z.string().min(1).max(100),
  channel: z.enum(consentChannels),
  topic: z.string().min(1).max(40).optional(),
  personIds: z.array(z.string().min(1)).min(1).max(1_000),
});

/**
 * [Permissionsstruktur1][StopList] POST /admin/segments/filter: which of these people the team may
 * reach on the channel (and topic), and why each other one is left out. Every segment and send the
 * engine produces goes through the same filter.
 */
export function segmentRoutes(deps: SegmentPorts & { persons: Pick<PersonRepository, 'get'> }): Hono {
  return new Hono().post('/filter', async (c) => {
    const body = filterBody.safeParse(parseJsonBody(await c.req.text()));
    if (!body.success) return invalidRequest(c, body.error);
    const { personIds, ...purpose } = body.data;
    const found = await Promise.all(personIds.map((id) => deps.persons.get(id)));
    const unknown = personIds.filter((_, index) => !found[index]);
    if (unknown.length > 0) return problem(c, 404, 'unknown_persons', `no person ${unknown.slice(0, 10).join(', ')}`);
    const persons = found.map((stored) => stored!.value as Person);
    const { kept, excluded } = await filterSegment(persons, purpose, deps);
    return c.json({ kept: kept.map((person) => person.id), excluded });
  });
}
