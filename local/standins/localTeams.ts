import type { Container } from '@azure/cosmos';
import { CosmosVersionedStore } from '../../adapters/cosmos/CosmosVersionedStore.js';
import { type TeamLimitTable, defaultTeamLimits, teamLimitsId } from '../../domain/consent/TeamLimit.js';
import { replaceTeamLimits } from '../../domain/consent/teamLimits.js';
import type { Clock } from '../../domain/shared/Clock.js';
import { localTeamGroups } from '../simulators/signin/localStaff.js';

/**
 * [Brugerrettigheder] Locally, the team table maps the sign-in simulator's groups to MS's teams (in
 * Azure, MS's IT puts the real group ids in with PUT /admin/team-limits). A table staff already saved
 * is left as it is.
 */
export async function seedLocalTeams(engineState: Container, clock: Clock): Promise<void> {
  const teamLimits = new CosmosVersionedStore<TeamLimitTable>(engineState);
  if (await teamLimits.get(teamLimitsId)) return;
  const teams = [
    { team: 'fundraising', description: 'Supporter fundraising (MS)', excludedSupporterKinds: [] },
    ...defaultTeamLimits,
  ].map((team) => ({ ...team, entraGroupIds: [localTeamGroups[team.team]].filter((id): id is string => id !== undefined) }));
  await replaceTeamLimits(teams, { teamLimits, clock });
}
