import { Hono } from 'hono';
import { z } from 'zod';
import { consentChannels } from '../../domain/consent/ConsentEntry.js';
import { consentOverview } from '../../domain/consent/consentOverview.js';
import { currentConsentTopics, replaceConsentTopics } from '../../domain/consent/consentTopics.js';
import type { ConsentLog, ConsentTopicStore, TeamLimitStore } from '../../domain/consent/ports.js';
import { recordConsentChanges } from '../../domain/consent/recordConsentChanges.js';
import { currentTeamLimits, replaceTeamLimits } from '../../domain/consent/teamLimits.js';
import { supporterKinds } from '../../domain/mirror/supporterKind.js';
import type { PersonRepository } from '../../domain/person/ports.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Ids } from '../../domain/shared/Ids.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest } from './problem.js';
import { engineId, pathParams } from './pathParams.js';
import { actorOf } from './access/staffOf.js';
import { actorReference } from '../../domain/shared/Actor.js';

export interface ConsentRouteDeps {
  consentLog: ConsentLog;
  consentTopics: ConsentTopicStore;
  teamLimits: TeamLimitStore;
  persons: Pick<PersonRepository, 'get'>;
  ids: Ids;
  clock: Clock;
}

const topicId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a short name: lower case a-z, 0-9 and -');
const change = z.object({ channel: z.enum(consentChannels), topic: z.union([z.literal('all'), topicId]), action: z.enum(['granted', 'withdrawn']) });

export const staffEntryBody = z.object({
  changes: z.array(change).min(1).max(20),
  /** The person's own request, required to give back a phone or SMS consent they withdrew. */
  personsRequest: z.string().min(1).max(1000).optional(),
  consentText: z.string().min(1).max(4000).optional(),
  campaignCode: z.string().min(1).max(100).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
  /** Sent again with the same id, the entry is not added twice. */
  requestId: z.string().min(1).max(100).optional(),
});

export const topicsBody = z.object({
  topics: z
    .array(z.object({ id: topicId, name: z.string().min(1).max(200), channels: z.array(z.enum(consentChannels)).min(1) }))
    .max(100)
    .refine((topics) => new Set(topics.map((topic) => topic.id)).size === topics.length, 'topic ids must be unique')
    .refine((topics) => topics.every((topic) => topic.id !== 'all'), '"all" means the whole channel and cannot be a topic'),
});

export const teamLimitsBody = z.object({
  teams: z
    .array(
      z.object({
        team: z.string().min(1).max(100),
        description: z.string().min(1).max(300),
        excludedSupporterKinds: z.array(z.enum(supporterKinds)),
        entraGroupIds: z.array(z.guid()).max(50).optional(),
      }),
    )
    .max(100)
    .refine((teams) => new Set(teams.map((team) => team.team)).size === teams.length, 'each team once'),
});

/**
 * [Permission][Permissionsstruktur1] GET /admin/persons/{id}/consents: the person's consent log and
 * what it means now. POST: staff enter a consent change (a phone or SMS consent the person withdrew
 * comes back only with `personsRequest`). GET/PUT /admin/consent-topics: the topics. GET/PUT
 * /admin/team-limits: which people each team may target.
 */
export function consentRoutes(deps: ConsentRouteDeps): Hono {
  return new Hono()
    .get('/persons/:id/consents', pathParams({ id: engineId }), async (c) => {
      const personId = await existingPerson(c.req.param('id'), deps);
      return c.json(await consentOverview(personId, deps));
    })
    .post('/persons/:id/consents', pathParams({ id: engineId }), async (c) => {
      const body = staffEntryBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      const personId = await existingPerson(c.req.param('id'), deps);
      const { changes, requestId, at, ...details } = body.data;
      const event = { personId, eventKey: `staff:${requestId ?? deps.ids.random()}`, at: at ? new Date(at) : deps.clock.now(), source: { kind: 'staff' as const, user: actorReference(actorOf(c)) }, changes, ...details };
      const entries = await recordConsentChanges(event, deps);
      return c.json({ entries, current: (await consentOverview(personId, deps)).current }, 201);
    })
    .get('/consent-topics', async (c) => c.json(await currentConsentTopics(deps)))
    .put('/consent-topics', async (c) => {
      const body = topicsBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await replaceConsentTopics(body.data.topics, deps));
    })
    .get('/team-limits', async (c) => c.json(await currentTeamLimits(deps)))
    .put('/team-limits', async (c) => {
      const body = teamLimitsBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      return c.json(await replaceTeamLimits(body.data.teams, deps));
    });
}

async function existingPerson(personId: string, deps: ConsentRouteDeps): Promise<string> {
  if (!(await deps.persons.get(personId))) throw new NotFoundError(`no person ${personId}`);
  return personId;
}
