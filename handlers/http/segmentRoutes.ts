import { Hono } from 'hono';
import { z } from 'zod';
import { consentChannels } from '../../domain/consent/ConsentEntry.js';
import type { Person } from '../../domain/person/Person.js';
import type { PersonRepository } from '../../domain/person/ports.js';
import { type SegmentPorts, filterSegment } from '../../domain/segments/filterSegment.js';
import { parseJsonBody } from './parseJsonBody.js';
import { staffOf } from './access/staffOf.js';
import { invalidRequest, problem } from './problem.js';

export const filterBody = z.object({
  /** One of the caller's own teams to act for; a team the caller is not in is ignored. */
  team: z.string().min(1).max(100).optional(),
  channel: z.enum(consentChannels),
  topic: z.string().min(1).max(40).optional(),
  personIds: z.array(z.string().min(1)).min(1).max(1_000),
});

/**
 * [Permissionsstruktur1][StopList] POST /admin/segments/filter: which of these people the team may
 * reach on the channel (and topic), and why each other one is left out. Every segment and send the
 * engine produces goes through the same filter. [Brugerrettigheder] The team is the caller's, from
 * their token's groups: a body naming a team the caller is not in changes nothing.
 */
export function segmentRoutes(deps: SegmentPorts & { persons: Pick<PersonRepository, 'get'> }): Hono {
  return new Hono().post('/filter', async (c) => {
    const body = filterBody.safeParse(parseJsonBody(await c.req.text()));
    if (!body.success) return invalidRequest(c, body.error);
    const { personIds, team, channel, topic } = body.data;
    const callersTeams = staffOf(c).teams;
    if (callersTeams.length === 0) return problem(c, 403, 'no_team', 'your sign-in names no team the engine knows (see /admin/team-limits), and a segment is always for a team');
    const purpose = { teams: team && callersTeams.includes(team) ? [team] : callersTeams, channel, ...(topic && { topic }) };
    const found = await Promise.all(personIds.map((id) => deps.persons.get(id)));
    const unknown = personIds.filter((_, index) => !found[index]);
    if (unknown.length > 0) return problem(c, 404, 'unknown_persons', `no person ${unknown.slice(0, 10).join(', ')}`);
    const persons = found.map((stored) => stored!.value as Person);
    const { kept, excluded } = await filterSegment(persons, purpose, deps);
    c.set('auditedPersons', personIds);
    return c.json({ kept: kept.map((person) => person.id), excluded });
  });
}
