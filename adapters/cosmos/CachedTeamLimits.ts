import type { TeamLimitStore } from '../../domain/consent/ports.js';
import type { TeamLimitTable } from '../../domain/consent/TeamLimit.js';
import type { Versioned } from '../../domain/person/ports.js';

/**
 * The team table, kept for a few seconds: every staff request reads it (to map the token's groups to
 * teams), and reading it from Cosmos DB each time cost more than checking the token (npm run bench,
 * "staff access"). A save through this store is seen at once on this instance; another instance sees
 * it within `maxAgeMs` (a token's groups are fixed for its hour anyway).
 */
export class CachedTeamLimits implements TeamLimitStore {
  private cached = new Map<string, { value: Versioned<TeamLimitTable> | null; readAtMs: number }>();

  constructor(
    private readonly store: TeamLimitStore,
    private readonly maxAgeMs: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  async get(id: string): Promise<Versioned<TeamLimitTable> | null> {
    const hit = this.cached.get(id);
    if (hit && this.nowMs() - hit.readAtMs < this.maxAgeMs) return hit.value;
    const value = await this.store.get(id);
    this.cached.set(id, { value, readAtMs: this.nowMs() });
    return value;
  }

  async save(table: TeamLimitTable, etag?: string): Promise<'saved' | 'stale'> {
    this.cached.delete(table.id);
    const outcome = await this.store.save(table, etag);
    this.cached.delete(table.id);
    return outcome;
  }
}
