import type { OnlineFundraisingEntity } from '../../../adapters/onlinefundraising/notification.js';
import type { Clock } from '../../../domain/shared/Clock.js';
import { blankRecords } from './blankRecords.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { AnyEntityRecord, EntityRecords } from './entities.js';

export interface ListQuery {
  /** Inclusive: entities with updated_at at or after this instant. */
  updatedSince?: Date;
  pageSize: number;
  cursor?: string;
  /** Equality filters on relation fields, e.g. { contact_id: "c-1" }. */
  filters?: Record<string, string>;
}

export interface ListPage<T> {
  data: T[];
  nextCursor: string | null;
}

export class InvalidCursorError extends Error {}

/** The simulator's in-memory state of OF: one map of records per entity. */
export class EntityStore {
  private readonly records = new Map<OnlineFundraisingEntity, Map<string, AnyEntityRecord>>();

  constructor(private readonly clock: Clock) {}

  get<E extends OnlineFundraisingEntity>(entity: E, id: string): EntityRecords[E] | undefined {
    return this.table(entity).get(id) as EntityRecords[E] | undefined;
  }

  /**
   * Creates the entity or lays `fields` over the one there (shallowly: a nested object such as a
   * contact's address is replaced whole). Fields are stored as given, unchecked, so a test can also
   * make OF send malformed data. updated_at always moves forward, even when the clock stands still.
   */
  put<E extends OnlineFundraisingEntity>(
    entity: E,
    id: string,
    fields: Partial<EntityRecords[E]>,
  ): { record: EntityRecords[E]; created: boolean } {
    const existing = this.get(entity, id);
    const now = this.clock.now();
    const updatedAt = existing ? laterOf(now, existing.updated_at) : now.toISOString();
    const { id: _id, created_at: _created, updated_at: _updated, ...changes } = fields;
    const record = {
      id,
      ...(existing ?? blankRecords[entity](now.toISOString())),
      ...changes,
      created_at: existing?.created_at ?? updatedAt,
      updated_at: updatedAt,
    } as EntityRecords[E];
    this.table(entity).set(id, record);
    return { record, created: existing === undefined };
  }

  delete(entity: OnlineFundraisingEntity, id: string): boolean {
    return this.table(entity).delete(id);
  }

  /** Ordered by updated_at, then id, so a consumer can page through changes with updated_since. */
  list<E extends OnlineFundraisingEntity>(entity: E, query: ListQuery): ListPage<EntityRecords[E]> {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !after) throw new InvalidCursorError('cursor is not one this API gave out');
    const since = query.updatedSince?.toISOString();
    const matching = this.matching(entity, query.filters ?? {})
      .filter((record) => since === undefined || record.updated_at >= since)
      .sort(byUpdatedAtThenId)
      .filter((record) => !after || byUpdatedAtThenId(record, { updated_at: after.updatedAt, id: after.id }) > 0);
    const data = matching.slice(0, query.pageSize) as EntityRecords[E][];
    const last = data.at(-1);
    const nextCursor = matching.length > data.length && last ? encodeCursor({ updatedAt: last.updated_at, id: last.id }) : null;
    return { data, nextCursor };
  }

  /** Every record whose fields equal `filters`, e.g. { contact_id: "c-1" }, in no particular order. */
  matching<E extends OnlineFundraisingEntity>(entity: E, filters: Record<string, string>): EntityRecords[E][] {
    return [...this.table(entity).values()].filter((record) =>
      Object.entries(filters).every(([field, value]) => fieldOf(record, field) === value),
    ) as EntityRecords[E][];
  }

  clear(): void {
    this.records.clear();
  }

  private table(entity: OnlineFundraisingEntity): Map<string, AnyEntityRecord> {
    let table = this.records.get(entity);
    if (!table) this.records.set(entity, (table = new Map()));
    return table;
  }
}

/** ISO instants of the same format sort as text. */
function byUpdatedAtThenId(a: Pick<AnyEntityRecord, 'updated_at' | 'id'>, b: Pick<AnyEntityRecord, 'updated_at' | 'id'>): number {
  if (a.updated_at !== b.updated_at) return a.updated_at < b.updated_at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function laterOf(now: Date, previous: string): string {
  return new Date(Math.max(now.getTime(), Date.parse(previous) + 1)).toISOString();
}

function fieldOf(record: AnyEntityRecord, field: string): unknown {
  return (record as unknown as Record<string, unknown>)[field];
}
