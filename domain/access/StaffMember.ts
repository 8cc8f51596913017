import type { Actor } from '../shared/Actor.js';
import type { StaffRole } from './StaffRole.js';

/** [Brugerrettigheder] A signed-in caller of the staff API, as its access token describes it. */
export interface StaffMember {
  actor: Actor;
  /** The engine's roles the token grants; unknown role values are left out. */
  roles: StaffRole[];
  /** The teams the token's group claims map to (group id → team is data: the team table). */
  teams: string[];
}

export function hasAnyRole(member: StaffMember, allowed: readonly StaffRole[]): boolean {
  return member.roles.some((role) => allowed.includes(role));
}
