import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/**
 * Each test starts the whole stack twice as a person would, each start compiling the engine cold; on
 * a 2-core machine busy with the rest of the suite the two have taken over 60 s. A guard against a
 * hang, not a speed target.
 */
const twoStartsTimeoutMs = 180_000;

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
  }, twoStartsTimeoutMs);

  it('[NFR-Faults] after a kill -9 and a restart, what the README promises is there: the stored person, the CRM contact the engine marked as written, and an admin change', async () => {
    const first = await npmStart();
    const engineUrl = printed(first.output, /engine\s+(http:\/\/\S+)/);
    const dataverseUrl = printed(first.output, /Dataverse sim\s+(http:\/\/\S+)/);
    const curlLine = printed(first.output, /^\s*(curl -s -X POST \S+\/_sim\/demo\/signup)\s*$/m);
    const answer = JSON.parse(execSync(curlLine, { encoding: 'utf8' })) as { contact: { id: string } };
    const contactRow = async (url: string) => ((await (await fetch(`${url}/_sim/tables/contacts`)).json()) as { msengine_ofcontactid: string; contactid: string }[]).find((row) => row.msengine_ofcontactid === answer.contact.id);
    const contact = await eventually(async () => (await contactRow(dataverseUrl)) ?? Promise.reject(new Error('contact not in the Dataverse simulator yet')));
    // [Brugerrettigheder] npm start prints how to get a token; the printed command is the one used.
    const tokenCommand = printed(first.output, /^\s*TOKEN=\$\((curl -s \S+\/_sim\/token\/Administrator)\)\s*$/m);
    const admin = { authorization: `Bearer ${execSync(tokenCommand, { encoding: 'utf8' }).trim()}`, 'content-type': 'application/json' };
    const added = await fetch(`${engineUrl}/admin/stop-list`, { method: 'POST', headers: admin, body: JSON.stringify({ phone: '+45 26 99 88 77', requestedAt: '2026-11-20', sms: true, telemarketing: false, source: 'medlemsservice', addedBy: 'ms' }) });
    const entry = (await added.json()) as { id: string };
    // Saved within a second of the change (README): wait until both files hold it, then crash.
    await eventually(() => {
      expect(readFileSync(join(dataDir, 'cosmos.json'), 'utf8')).toContain(entry.id);
      expect(readFileSync(join(dataDir, 'dataverse.json'), 'utf8')).toContain(contact.contactid);
    }, 30_000);
    process.kill(-first.child.pid!, 'SIGKILL');
    await eventually(() => expect(first.child.exitCode !== null || first.child.signalCode !== null).toBe(true));

    const second = await npmStart();
    const engineAgain = printed(second.output, /engine\s+(http:\/\/\S+)/);
    const dataverseAgain = printed(second.output, /Dataverse sim\s+(http:\/\/\S+)/);
    // The local tenant makes new signing keys at each start, so a colleague signs in again.
    const tokenAgain = execSync(printed(second.output, /^\s*TOKEN=\$\((curl -s \S+\/_sim\/token\/Administrator)\)\s*$/m), { encoding: 'utf8' }).trim();
    expect((await fetch(`${engineAgain}/admin/stop-list/${entry.id}`, { headers: { authorization: `Bearer ${tokenAgain}` } })).status).toBe(200);
    const cosmos = new CosmosClient({ endpoint: printed(second.output, /Cosmos DB stand-in\s+(http:\/\/\S+)/), key: 'bXMtZW5naW5l', connectionPolicy: { enableEndpointDiscovery: false } });
    const { resource: person } = await cosmos.database('ms-engine').container('persons').item(contact.contactid, contact.contactid).read();
    cosmos.dispose();
    // The engine's mark that the CRM has this person, and the CRM simulator's row, both survived.
    expect(person?.crm?.writtenHash).toBeDefined();
    expect(await contactRow(dataverseAgain)).toMatchObject({ contactid: contact.contactid });
    await stop(second);
  }, twoStartsTimeoutMs);
});
