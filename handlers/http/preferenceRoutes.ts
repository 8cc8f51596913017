import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { PreferenceLinks } from '../../domain/consent/PreferenceLinks.js';
import { consentOverview } from '../../domain/consent/consentOverview.js';
import type { ConsentLog, ConsentTopicStore } from '../../domain/consent/ports.js';
import { updatePreferences } from '../../domain/consent/updatePreferences.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Ids } from '../../domain/shared/Ids.js';
import type { Logger } from '../../domain/shared/Logger.js';
import type { PersonRepository } from '../../domain/person/ports.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { parseJsonBody } from './parseJsonBody.js';
import { wholeChannel } from '../../domain/consent/ConsentEntry.js';
import type { MessageEventPorts } from '../../domain/sending/recordMessageEvent.js';
import { recordUnsubscribe } from '../../domain/sending/recordUnsubscribe.js';
import { invalidRequest, problem } from './problem.js';
import { engineId, pathParams } from './pathParams.js';

export interface PreferenceRouteDeps extends MessageEventPorts {
  preferenceLinks: PreferenceLinks;
  consentLog: ConsentLog;
  consentTopics: ConsentTopicStore;
  ids: Ids;
  clock: Clock;
  logger: Logger;
}

export const preferencesBody = z.object({
  token: z.string().min(1).max(2000),
  /** The mail the link came in (its `m=`), so a withdrawal counts as that mail's unsubscribe. */
  messageId: z.guid().optional(),
  changes: z
    .array(z.object({ topic: z.union([z.literal('all'), z.string().regex(/^[a-z][a-z0-9-]{0,39}$/)]), action: z.enum(['granted', 'withdrawn']) }))
    .min(1)
    .max(20),
});

/**
 * [Permissionsstruktur2] The preference centre behind the links in MS's mails (no staff sign-in: the
 * signed link is the authority). GET /preferences?token=… shows the person's email consents; POST
 * /preferences with `{ token, changes: [{ topic, action }] }` changes them (topic "all" for every
 * email). POST /preferences/unsubscribe?token=…&m=… is the one-click unsubscribe (RFC 8058) every
 * bulk mail names in its `List-Unsubscribe` header: all email withdrawn. A forged, altered or
 * expired link gets 401.
 */
export function preferenceRoutes(deps: PreferenceRouteDeps): Hono {
  return new Hono()
    .get('/', async (c) => {
      const personId = await deps.preferenceLinks.personOf(c.req.query('token') ?? '');
      if (!personId) return refused(c, deps.logger);
      const { current } = await consentOverview(personId, deps);
      return c.json({ current: current.filter((state) => state.channel === 'email') });
    })
    .post('/', async (c) => {
      const body = preferencesBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      const personId = await deps.preferenceLinks.personOf(body.data.token);
      if (!personId) return refused(c, deps.logger);
      const current = await updatePreferences(personId, body.data.changes, deps);
      if (body.data.changes.some((change) => change.action === 'withdrawn')) await recordUnsubscribe(personId, body.data.messageId, deps);
      return c.json({ current });
    })
    .post('/unsubscribe', async (c) => {
      const personId = await deps.preferenceLinks.personOf(c.req.query('token') ?? '');
      if (!personId) return refused(c, deps.logger);
      const messageId = c.req.query('m');
      await updatePreferences(personId, [{ topic: wholeChannel, action: 'withdrawn' }], deps);
      await recordUnsubscribe(personId, messageId && /^[0-9a-f-]{36}$/i.test(messageId) ? messageId : undefined, deps);
      return c.json({ unsubscribed: true });
    });
}

/**
 * A staff tool (and later the mail sender) gets a person's link here: GET /admin/persons/{id}/preference-link.
 * [NFR-Input] Only for a person the engine holds: a link for nobody would only fail when clicked.
 */
export function preferenceLinkRoute(deps: { preferenceLinks: PreferenceLinks; persons: Pick<PersonRepository, 'get'> }): Hono {
  return new Hono().get('/:id/preference-link', pathParams({ id: engineId }), async (c) => {
    if (!(await deps.persons.get(c.req.param('id')))) throw new NotFoundError(`no person ${c.req.param('id')}`);
    return c.json(await deps.preferenceLinks.issue(c.req.param('id')));
  });
}

function refused(c: Context, logger: Logger) {
  logger.warn('preference link refused', {});
  return problem(c, 401, 'invalid_link', 'the link is not valid or has expired; ask for a new one');
}
