import type { SupporterKind } from '../mirror/supporterKind.js';

/**
 * [Permissionsstruktur1] Which people a team may target. Global Contact works under the Marketing
 * Act and may not target MS members; a team not in the table has no limits.
 */
export interface TeamLimit {
  team: string;
  description: string;
  /** People of these kinds are left out of the team's segments and sends. */
  excludedSupporterKinds: SupporterKind[];
  /**
   * [Brugerrettigheder] The Entra ID groups whose members work for this team: a caller's team comes
   * from the group ids in their access token, never from what a request says.
   */
  entraGroupIds?: string[];
}

export interface TeamLimitTable {
  id: typeof teamLimitsId;
  teams: TeamLimit[];
  updatedAt: string;
}

export const teamLimitsId = 'team-limits';

export const defaultTeamLimits: TeamLimit[] = [
  {
    team: 'global-contact',
    description: 'Global Contact (Marketing Act): may not target MS members',
    excludedSupporterKinds: ['member', 'member_with_regular_support'],
  },
];

/** [Brugerrettigheder] The teams a caller belongs to, from the group ids in their access token. */
export function teamsOfGroups(teams: TeamLimit[], groupIds: readonly string[]): string[] {
  const groups = new Set(groupIds.map((id) => id.toLowerCase()));
  return teams.filter((team) => (team.entraGroupIds ?? []).some((id) => groups.has(id.toLowerCase()))).map((team) => team.team);
}
