export type Row = Record<string, unknown>;

interface StoreState {
  tables: Map<string, Map<string, Row>>;
  lastVersion: number;
}

/**
 * The simulator's rows, in memory, per entity set and keyed by lower-cased primary key. Every
 * write gets a new, ever-increasing version number (Dataverse's `versionnumber`, the source of the
 * `@odata.etag`). `snapshot`/`restore` make a `$batch` change set all-or-nothing.
 */
export class TableStore {
  private state: StoreState = { tables: new Map(), lastVersion: 1_000_000 };

  get(entitySet: string, id: string): Row | undefined {
    return this.table(entitySet).get(id.toLowerCase());
  }

  /** Rows in insertion order (the order queries return them in). */
  all(entitySet: string): Row[] {
    return [...this.table(entitySet).values()];
  }

  put(entitySet: string, id: string, row: Row): void {
    this.table(entitySet).set(id.toLowerCase(), row);
  }

  delete(entitySet: string, id: string): boolean {
    return this.table(entitySet).delete(id.toLowerCase());
  }

  nextVersion(): number {
    return ++this.state.lastVersion;
  }

  /** Grows with every write: a saver compares it to know whether anything changed. */
  version(): number {
    return this.state.lastVersion;
  }

  /** The tables as JSON text, for `npm start` to keep across restarts. */
  toJson(): string {
    return JSON.stringify({ lastVersion: this.state.lastVersion, tables: [...this.state.tables].map(([name, rows]) => [name, [...rows]]) });
  }

  fromJson(text: string): void {
    const saved = JSON.parse(text) as { lastVersion: number; tables: [string, [string, Row][]][] };
    this.state = { lastVersion: saved.lastVersion, tables: new Map(saved.tables.map(([name, rows]) => [name, new Map(rows)])) };
  }

  snapshot(): StoreState {
    return structuredClone(this.state);
  }

  restore(snapshot: StoreState): void {
    this.state = snapshot;
  }

  clear(): void {
    this.state.tables.clear();
  }

  private table(entitySet: string): Map<string, Row> {
    let table = this.state.tables.get(entitySet);
    if (!table) {
      table = new Map();
      this.state.tables.set(entitySet, table);
    }
    return table;
  }
}
