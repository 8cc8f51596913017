import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { standInCosmosKey } from './cosmos.js';

export interface CosmosProcess {
  endpoint: string;
  key: string;
  close(): Promise<void>;
}

const main = fileURLToPath(new URL('./cosmosMain.ts', import.meta.url));

/**
 * Starts the Cosmos DB stand-in in a process of its own, for loads too big to share a heap with
 * the caller (a million documents): its memory and garbage collection then do not stall the caller,
 * and it runs on another core.
 */
export async function startCosmosProcess(options: { maxOldSpaceMb: number }): Promise<CosmosProcess> {
  const child = spawn(process.execPath, [`--max-old-space-size=${options.maxOldSpaceMb}`, '--max-semi-space-size=64', '--import', 'tsx', main], { stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoint = await firstLine(child);
  return {
    endpoint,
    key: standInCosmosKey,
    close: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

async function firstLine(child: ChildProcess): Promise<string> {
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, 'exit').then(([code]) => Promise.reject(new Error(`the Cosmos stand-in process exited (${String(code)}) before it listened`)));
  const listening = (async () => {
    for await (const line of lines) return line.trim();
    throw new Error('the Cosmos stand-in process said nothing');
  })();
  return Promise.race([listening, exited]);
}
