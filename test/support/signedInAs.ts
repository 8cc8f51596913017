import type { MiddlewareHandler } from 'hono';
import type { StaffMember } from '../../domain/access/StaffMember.js';

/** A colleague as route tests sign them in (the full sign-in is tested in test/access/). */
export function colleague(name: string, id: string, roles: StaffMember['roles'] = ['Administrator'], teams: string[] = ['fundraising']): StaffMember {
  return { actor: { kind: 'user', id, name }, roles, teams };
}

/** For a route's own tests: the request arrives signed in as `who()` (what `staffAccess` sets after checking the token). */
export function signedInAs(who: () => StaffMember): MiddlewareHandler {
  return async (c, next) => {
    c.set('staff', who());
    await next();
  };
}
