import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { PersonRepository } from '../../domain/person/ports.js';
import type { LandingLinks } from '../../domain/sending/ports.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { problem } from './problem.js';

/**
 * [OnlineFundraising7] GET /landing/prefill?t=…: the landing page behind an SMS link exchanges the
 * link's signed token for the person's first name, email and phone, and nothing else, to fill in its
 * form. Called from the page in the browser, so any origin may ask; the token is the authority.
 */
export function landingRoutes(deps: { landingLinks: LandingLinks; persons: Pick<PersonRepository, 'get'>; logger: Logger }): Hono {
  return new Hono().use('*', cors({ origin: '*', allowMethods: ['GET'] })).get('/prefill', async (c) => {
    const personId = await deps.landingLinks.personOf(c.req.query('t') ?? '');
    const person = personId ? (await deps.persons.get(personId))?.value : undefined;
    if (!person || person.anonymisation || person.mergedInto) {
      deps.logger.warn('landing link refused', {});
      return problem(c, 401, 'invalid_link', 'the link is not valid or has expired');
    }
    return c.json({ firstName: person.firstName, email: person.emails[0] ?? null, phone: person.phones.primary ?? null });
  });
}
