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
