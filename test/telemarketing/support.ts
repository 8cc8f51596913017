import { expect } from 'vitest';
import type { SettableClock } from '../../adapters/system/settableClock.js';
import { type LocalStack, localCredentials, localTelemarketingDirectory } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { readSftpFolder } from '../support/sftpReader.js';
import { queueDrained } from '../support/testStack.js';
import type { staffCall } from '../sending/support.js';

export const phoneConsentAt = '2026-05-01T10:00:00Z';

/** An OF contact who signs a petition by SMS keyword at `at`, with the consents given. */
export async function signsByKeyword(stack: LocalStack, contact: { id: string; firstName: string; phone: string; consents: string[] }, keyword: string, at: string, again = ''): Promise<void> {
  stack.onlineFundraising.put('contact', contact.id, {
    first_name: contact.firstName,
    last_name: 'Leadsen',
    phone: contact.phone,
    consents: contact.consents.map((channel) => ({ channel, given: true, at: phoneConsentAt, source: 'WEB' })),
  } as never);
  await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: contact.id, event: 'created' });
  await queueDrained(stack, 'of-notifications');
  const signatureId = `${contact.id}-${keyword}${again}`;
  stack.onlineFundraising.put('data_set', signatureId, { type: 'sms_inbound', contact_id: contact.id, phone: contact.phone, keyword, text: keyword, received_at: at } as never);
  await stack.onlineFundraising.sendWebhook({ entity: 'data_set', entityId: signatureId, event: 'created' });
  await queueDrained(stack, 'of-notifications');
}

export interface JobRunSeen {
  id: string;
  status: string;
  forDate: string;
  attempts: number;
  error?: string;
  counts?: Record<string, number>;
}

/** The night of `date`: 02:00 in Denmark (winter time), the timer fires, and its run is waited for until it ended (completed, or failed at least once). */
export async function night(stack: LocalStack, clock: SettableClock, call: ReturnType<typeof staffCall>, date: string): Promise<JobRunSeen> {
  clock.set(`${date}T01:00:00Z`);
  await stack.engine.timerFunctions.find((timer) => timer.name === 'telemarketingFiles')!.handle();
  return runEnded(call, date);
}

export async function runEnded(call: ReturnType<typeof staffCall>, forDate: string, minimumAttempts = 1): Promise<JobRunSeen> {
  return eventually(async () => {
    const { runs } = (await (await call('GET', '/admin/jobs?job=telemarketing-files&limit=20', undefined, 'Administrator')).json()) as { runs: JobRunSeen[] };
    const run = runs.find((candidate) => candidate.forDate === forDate && candidate.status !== 'queued' && candidate.status !== 'running' && candidate.attempts >= minimumAttempts);
    expect(run).toBeDefined();
    return run!;
  }, 20_000);
}

/** The vendor's folder as the vendor sees it over SFTP: file name → its rows (BOM and CRLF taken off). */
export async function vendorFolder(stack: LocalStack): Promise<Map<string, string[][]>> {
  const login = { host: stack.telemarketingSftp.host, port: stack.telemarketingSftp.port, username: localCredentials.telemarketingSftpUser, password: localCredentials.telemarketingSftpPassword };
  const files = await readSftpFolder(login, localTelemarketingDirectory);
  return new Map([...files].map(([name, content]) => [name, rowsOf(content)]));
}

export function rowsOf(content: Buffer | string): string[][] {
  const text = content.toString();
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text.slice(1).split('\r\n').filter((line) => line.length > 0).map((line) => line.split(';'));
}
