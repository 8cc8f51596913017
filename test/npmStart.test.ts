import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CosmosClient } from '@azure/cosmos';
import { eventually } from './support/eventually.js';

const dataDir = mkdtempSync(join(tmpdir(), 'ms-engine-start-'));
const running: ChildProcess[] = [];

interface Started {
  child: ChildProcess;
  output: string;
}

/** Runs `npm start` as a person would, on free ports, and waits until it has printed where it listens. */
async function npmStart(): Promise<Started> {
  const child = spawn('npm', ['start'], {
    env: { ...process.env, LOCAL_PORTS: 'free', LOCAL_DATA_DIR: dataDir },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await eventually(() => {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    if (!output.includes('Ctrl-C stops everything')) throw new Error(`not started yet:\n${output}`);
  }, 60_000, 100);
  return { child, output };
}

/** Sends SIGTERM to npm's whole process group (as Ctrl-C does) and waits until every process in it is gone. */
async function stop(started: Started): Promise<void> {
  const group = -started.child.pid!;
  process.kill(group, 'SIGTERM');
  await eventually(() => {
    try {
      process.kill(group, 0);
    } catch {
      return;
    }
    throw new Error('npm start is still stopping');
  }, 30_000);
}

function printed(output: string, pattern: RegExp): string {
  const match = output.match(pattern);
  if (!match?.[1]) throw new Error(`npm start did not print ${pattern}:\n${output}`);
  return match[1];
}

afterAll(() => {
  for (const child of running) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('[OnlineFundraising1] starts the engine on its stand-ins; the printed curl line sends a signed signup that reaches the Dataverse simulator, and the data survives a restart', async () => {
    const first = await npmStart();
    const engineUrl = printed(first.output, /engine\s+(http:\/\/\S+)/);
    const dataverseUrl = printed(first.output, /Dataverse sim\s+(http:\/\/\S+)/);
    const curlLine = printed(first.output, /^\s*(curl -s -X POST \S+\/_sim\/demo\/signup)\s*$/m);

    expect((await fetch(`${engineUrl}/health`)).status).toBe(200);
    const answer = JSON.parse(execSync(curlLine, { encoding: 'utf8' })) as { contact: { id: string } };
    const contacts = await eventually(async () => {
      const rows = (await (await fetch(`${dataverseUrl}/_sim/tables/contacts`)).json()) as { msengine_ofcontactid: string; contactid: string }[];
      const row = rows.find((contact) => contact.msengine_ofcontactid === answer.contact.id);
      if (!row) throw new Error('contact not in the Dataverse simulator yet');
      return row;
    });
    await stop(first);

    const second = await npmStart();
    const cosmosEndpoint = printed(second.output, /Cosmos DB stand-in\s+(http:\/\/\S+)/);
    const cosmos = new CosmosClient({ endpoint: cosmosEndpoint, key: 'bXMtZW5naW5l', connectionPolicy: { enableEndpointDiscovery: false } });
    const { resource } = await cosmos.database('ms-engine').container('persons').item(contacts.contactid, contacts.contactid).read();
    expect(resource?.onlineFundraising?.contactId).toBe(answer.contact.id);
    cosmos.dispose();
    await stop(second);
  });
});
