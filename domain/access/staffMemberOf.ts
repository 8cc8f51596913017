import type { TeamLimit } from '../consent/TeamLimit.js';
import { teamsOfGroups } from '../consent/TeamLimit.js';
import type { VerifiedAccessToken } from './ports.js';
import type { StaffMember } from './StaffMember.js';
import { isStaffRole } from './StaffRole.js';

/**
 * [Brugerrettigheder] Who is calling, from their verified token alone: the actor (object id and display
 * name; an app by its client id), the engine roles it holds (unknown values grant nothing), and its
 * teams (group ids mapped by the team table).
 */
export function staffMemberOf(token: VerifiedAccessToken, teams: TeamLimit[]): StaffMember {
  const isApp = token.idtyp === 'app';
  return {
    actor: { kind: isApp ? 'app' : 'user', id: token.oid, name: (isApp ? token.azp : token.name) ?? token.oid },
    roles: token.roles.filter(isStaffRole),
    teams: teamsOfGroups(teams, token.groups),
  };
}
