import type { Clock } from '../shared/Clock.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import { type TeamLimit, type TeamLimitTable, defaultTeamLimits, teamLimitsId } from './TeamLimit.js';
import type { TeamLimitStore } from './ports.js';

/** [Permissionsstruktur1] The team limits in force: staff's table, or the defaults until they save one. */
export async function currentTeamLimits(ports: { teamLimits: TeamLimitStore }): Promise<TeamLimitTable> {
  const stored = await ports.teamLimits.get(teamLimitsId);
  return stored?.value ?? { id: teamLimitsId, teams: defaultTeamLimits, updatedAt: new Date(0).toISOString() };
}

/** [Permissionsstruktur1] Staff redefine which people each team may target. */
export async function replaceTeamLimits(teams: TeamLimit[], ports: { teamLimits: TeamLimitStore; clock: Clock }): Promise<TeamLimitTable> {
  const table: TeamLimitTable = { id: teamLimitsId, teams, updatedAt: ports.clock.now().toISOString() };
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.teamLimits.get(teamLimitsId);
    if ((await ports.teamLimits.save(table, stored?.etag)) === 'saved') return table;
  }
  throw new ConcurrencyConflictError('the team limits changed concurrently 5 times in a row');
}
