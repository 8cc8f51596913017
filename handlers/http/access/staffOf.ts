import type { Context } from 'hono';
import type { StaffMember } from '../../../domain/access/StaffMember.js';
import type { Actor } from '../../../domain/shared/Actor.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** The signed-in caller of a staff route, set by `staffAccess`. */
    staff: StaffMember;
  }
}

/** The signed-in caller of a staff route (`staffAccess` has checked their token and role). */
export function staffOf(c: Context): StaffMember {
  const staff = c.get('staff');
  if (!staff) throw new Error(`staff route ${c.req.method} ${c.req.path} ran without staffAccess`);
  return staff;
}

/** [Brugerrettigheder] Who does a staff action: always the token's object id and name, never a request field. */
export function actorOf(c: Context): Actor {
  return staffOf(c).actor;
}
