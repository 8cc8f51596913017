import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunningCosmos } from './cosmos.js';

/** What `npm start` keeps besides Azurite's own files: the Cosmos stand-in and the Dataverse simulator's tables. */
export interface PersistedParts {
  cosmos: RunningCosmos;
  dataverseTables: { version(): number; toJson(): string; fromJson(text: string): void };
}

export interface LocalPersistence {
  /** Saves what changed since the last save. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

export const cosmosSnapshotFile = (dataDir: string) => join(dataDir, 'cosmos.json');
const dataverseFile = (dataDir: string) => join(dataDir, 'dataverse.json');

/** Loads the Dataverse simulator's tables saved by an earlier run, if any (the Cosmos stand-in loads its own snapshot). */
export async function loadDataverseTables(dataDir: string, tables: PersistedParts['dataverseTables']): Promise<void> {
  if (existsSync(dataverseFile(dataDir))) tables.fromJson(await readFile(dataverseFile(dataDir), 'utf8'));
}

/**
 * Saves the stand-ins that keep data in memory every `everyMs` (0: only when stopped) while they change, so that a crash
 * (kill -9) of `npm start` loses at most the last moment's writes. Cosmos DB is saved before the
 * Dataverse simulator: a person the engine marks as written to the CRM was written before the mark,
 * so the saved CRM tables hold everything the saved marks claim (the CRM may hold more, which the
 * engine simply writes again).
 */
export function persistLocally(dataDir: string, parts: PersistedParts, everyMs: number): LocalPersistence {
  let saved = { cosmos: -1, dataverse: -1 };
  let saving: Promise<void> = Promise.resolve();
  const save = async () => {
    const now = { cosmos: parts.cosmos.writeCount(), dataverse: parts.dataverseTables.version() };
    if (now.cosmos === saved.cosmos && now.dataverse === saved.dataverse) return;
    await parts.cosmos.saveSnapshot(cosmosSnapshotFile(dataDir));
    await writeAtomically(dataverseFile(dataDir), parts.dataverseTables.toJson());
    saved = now;
  };
  const flush = () => (saving = saving.then(save, save));
  const timer = everyMs > 0 ? setInterval(() => void flush().catch(() => undefined), everyMs) : undefined;
  timer?.unref();
  return {
    flush,
    stop: async () => {
      clearInterval(timer);
      await flush();
    },
  };
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
