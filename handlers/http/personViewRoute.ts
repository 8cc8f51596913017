import { Hono } from 'hono';
import type { Person } from '../../domain/person/Person.js';
import type { PersonRepository } from '../../domain/person/ports.js';
import { NotFoundError } from '../../domain/shared/errors.js';
import { engineId, pathParams } from './pathParams.js';

/**
 * GET /admin/persons/{id}: a person as the engine holds them, for member service: master data,
 * [OnlineFundraising1] the phones OF sent that are no numbers (`unreadablePhones`, to correct), the
 * OF link, supporter kind, problems with mapped form fields, and where a merged person went. The CPR
 * number is never shown here; only whether one is known.
 */
export function personViewRoute(deps: { persons: Pick<PersonRepository, 'get'> }): Hono {
  return new Hono().get('/:id', pathParams({ id: engineId }), async (c) => {
    const stored = await deps.persons.get(c.req.param('id'));
    if (!stored) throw new NotFoundError(`no person ${c.req.param('id')}`);
    return c.json(personView(stored.value));
  });
}

function personView(person: Person) {
  const { cpr, rejectedPhones, crm: _crm, ...rest } = person;
  return { ...rest, unreadablePhones: rejectedPhones, cprKnown: cpr !== undefined };
}
