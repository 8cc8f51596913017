import { Hono } from 'hono';
import { z } from 'zod';
import { type FlagPorts, flagInvalidContact } from '../../domain/person/flagInvalidContact.js';
import { invalidReasons } from '../../domain/person/invalidContact.js';
import { listInvalidContacts } from '../../domain/person/listInvalidContacts.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest } from './problem.js';
import { engineId, pathParams } from './pathParams.js';
import { actorOf } from './access/staffOf.js';
import { actorReference } from '../../domain/shared/Actor.js';

const channel = z.enum(['email', 'phone']);
export const listQuery = z.object({
  invalid: channel,
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  continuationToken: z.string().min(1).optional(),
});
export const flagBody = z.object({ channel, reason: z.enum(invalidReasons) });

/** [OnlineFundraising12] GET /admin/contacts?invalid=email|phone lists contacts marked as not working. */
export function contactListRoutes(deps: FlagPorts): Hono {
  return new Hono().get('/', async (c) => {
    const query = listQuery.safeParse(c.req.query());
    if (!query.success) return invalidRequest(c, query.error, 'query');
    const { invalid, ...page } = query.data;
    const listed = await listInvalidContacts(invalid, page, deps);
    c.set('auditedPersons', listed.items.map((contact) => contact.personId));
    return c.json(listed);
  });
}

/** [OnlineFundraising12] POST /admin/persons/{id}/invalid-contact: member service marks a number or address that failed. */
export function invalidContactRoute(deps: FlagPorts): Hono {
  return new Hono().post('/:id/invalid-contact', pathParams({ id: engineId }), async (c) => {
    const body = flagBody.safeParse(parseJsonBody(await c.req.text()));
    if (!body.success) return invalidRequest(c, body.error);
    const person = await flagInvalidContact(c.req.param('id'), { channel: body.data.channel, reason: body.data.reason, by: actorReference(actorOf(c)) }, deps);
    return c.json({ personId: person.id, invalid: person.invalid });
  });
}
