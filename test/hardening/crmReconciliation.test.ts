import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataverseClient } from '../../adapters/dataverse/DataverseClient.js';
import type { JobRun } from '../../domain/jobs/JobRun.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { adminHeaders, personIdOf, queueDrained, startTestStack } from '../support/testStack.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const admin = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${stack.engineUrl}${path}`, { method, headers: { ...(await adminHeaders(stack)), ...(body !== undefined && { 'content-type': 'application/json' }) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  return { status: response.status, json: (await response.json()) as Record<string, any> };
};

describe('[NFR-Faults] reconciliation with the CRM', () => {
  it('[NFR-Faults] a person missing from the CRM (deleted there by hand) is found and written again by the reconciliation job, and the report names them', async () => {
    for (const id of ['rec-1', 'rec-2']) {
      stack.onlineFundraising.put('contact', id, { first_name: 'Rikke', last_name: `Afstemt ${id}`, email: `${id}@example.dk` });
      await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: id, event: 'created' });
    }
    await queueDrained(stack, 'of-notifications');
    await eventually(() => expect(stack.dataverse.row('contacts', personIdOf('rec-2'))).toBeDefined());
    const dataverse = new DataverseClient({ orgUrl: stack.dataverse.url, authorityUrl: stack.dataverse.url, ...stack.dataverse.credentials });
    await (await dataverse.send('DELETE', `contacts(${personIdOf('rec-1')})`)).body?.cancel();
    expect(stack.dataverse.row('contacts', personIdOf('rec-1'))).toBeUndefined();

    const started = await admin('POST', '/admin/jobs/crm-reconciliation/run', { requestedBy: 'it@ms.dk' });
    expect(started.status).toBe(202);
    const run = await eventually(async () => {
      const current = (await admin('GET', `/admin/jobs/runs/${started.json.id}`)).json as JobRun;
      expect(current.status).toBe('completed');
      return current;
    }, 30_000);
    expect(run.counts).toEqual({ checked: 2, repaired: 1 });
    expect(stack.dataverse.row('contacts', personIdOf('rec-1'))).toMatchObject({ lastname: 'Afstemt rec-1' });

    const { json: report } = await admin('GET', '/admin/reconciliation');
    expect(report.crm).toMatchObject({ checked: 2, repaired: 1, repairedIds: [personIdOf('rec-1')] });
  });
});
