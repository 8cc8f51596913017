import { QueueClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../../adapters/system/settableClock.js';
import type { DeadLetter } from '../../domain/deadletters/DeadLetter.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { adminHeaders, personIdOf, startTestStack, testStackStartsAt } from '../support/testStack.js';

let stack: LocalStack;
const clock = settableClock(testStackStartsAt);

beforeAll(async () => {
  stack = await startTestStack({ clock });
});
afterAll(() => stack.stop());

const of = () => stack.onlineFundraising;
const lettersIn = async (status: DeadLetter['status']): Promise<DeadLetter[]> =>
  ((await (await fetch(`${stack.engineUrl}/admin/dead-letters?status=${status}&pageSize=100`, { headers: await adminHeaders(stack) })).json()) as { items: DeadLetter[] }).items;
const poisonCount = async (queue: string) => (await new QueueClient(stack.azurite.connectionString, `${queue}-poison`).getProperties()).approximateMessagesCount ?? 0;
const crmContactsWithEmail = (email: string) => stack.dataverse.rows('contacts').filter((row) => row.emailaddress1 === email);

/** Signs up contacts in OF and notifies the engine; answers the notifications' message ids. */
async function signUps(prefix: string, count: number): Promise<{ contactIds: string[]; messageIds: string[] }> {
  const contactIds = Array.from({ length: count }, (_, index) => `${prefix}-${index}`);
  const messageIds: string[] = [];
  for (const id of contactIds) {
    of().put('contact', id, { first_name: 'Inge', last_name: `Udfald ${id}`, email: `${id}@example.dk` });
    const delivery = await of().sendWebhook({ entity: 'contact', entityId: id, event: 'created' });
    messageIds.push((JSON.parse(delivery.responseBody) as { messageId: string }).messageId);
  }
  return { contactIds, messageIds };
}

/**
 * An hour passes on the engine's clock while a system is down: ten minutes at a time, each time
 * after every message has failed again (the test's retry delay is a real second).
 */
async function anHourOfOutage(messageIds: string[]): Promise<void> {
  let failuresSoFar = new Map<string, number>();
  for (let minutes = 0; minutes < 60; minutes += 10) {
    failuresSoFar = await eventually(async () => {
      const retrying = (await lettersIn('retrying')).filter((letter) => messageIds.includes(letter.id));
      expect(retrying).toHaveLength(messageIds.length);
      for (const letter of retrying) expect(letter.failures).toBeGreaterThan(failuresSoFar.get(letter.id) ?? 0);
      return new Map(retrying.map((letter) => [letter.id, letter.failures]));
    }, 30_000);
    clock.advance(10 * 60_000);
  }
  for (const failures of failuresSoFar.values()) expect(failures).toBeGreaterThanOrEqual(6);
}

describe('[NFR-Faults] outages are outlived, not dead-lettered', () => {
  it('[NFR-Faults] OF down for an hour: its notifications wait and retry, nothing is dead-lettered, and once OF is back every contact is in the CRM exactly once and the failures are resolved', async () => {
    of().injectFault({ method: 'GET', path: '/api/v1/contacts/**', status: 503, times: 100_000 });
    const { contactIds, messageIds } = await signUps('outage-of', 3);
    await anHourOfOutage(messageIds);
    expect((await lettersIn('dead')).filter((letter) => messageIds.includes(letter.id))).toEqual([]);
    expect(await poisonCount('of-notifications')).toBe(0);
    for (const id of contactIds) expect(stack.dataverse.row('contacts', personIdOf(id))).toBeUndefined();

    of().clearFaults();
    await eventually(() => {
      for (const id of contactIds) expect(crmContactsWithEmail(`${id}@example.dk`)).toHaveLength(1);
    }, 30_000);
    await eventually(async () => expect((await lettersIn('resolved')).filter((letter) => messageIds.includes(letter.id))).toHaveLength(3));
  });

  it('[NFR-Faults] Dataverse down for an hour: the people wait and retry, nothing is dead-lettered, and once it is back each is in the CRM exactly once', async () => {
    stack.dataverse.injectFault({ path: '/api/data/v9.2/**', status: 503, times: 100_000 });
    const { contactIds, messageIds } = await signUps('outage-crm', 3);
    await anHourOfOutage(messageIds);
    expect((await lettersIn('dead')).filter((letter) => messageIds.includes(letter.id))).toEqual([]);
    expect(await poisonCount('of-notifications')).toBe(0);

    stack.dataverse.clearFaults();
    await eventually(() => {
      for (const id of contactIds) {
        expect(crmContactsWithEmail(`${id}@example.dk`)).toHaveLength(1);
        expect(stack.dataverse.row('contacts', personIdOf(id))).toMatchObject({ lastname: `Udfald ${id}` });
      }
    }, 30_000);
    await eventually(async () => expect((await lettersIn('resolved')).filter((letter) => messageIds.includes(letter.id))).toHaveLength(3));
  });

  it('[NFR-Faults] a dead letter whose work the reconciliation later did is marked resolved, so the list and the alert tell the truth', async () => {
    of().injectFault({ method: 'GET', path: '/api/v1/contacts/**', status: 503, times: 100_000 });
    const { contactIds, messageIds } = await signUps('outage-rec', 1);
    await eventually(async () => expect((await lettersIn('retrying')).map((letter) => letter.id)).toContain(messageIds[0]));
    clock.advance(6 * 60 * 60_000); // still failing six hours later: given up
    await eventually(async () => expect((await lettersIn('dead')).map((letter) => letter.id)).toContain(messageIds[0]), 30_000);

    of().clearFaults();
    await stack.engine.timerFunctions.find((fn) => fn.name === 'onlineFundraisingReconciliation')!.handle();
    await eventually(() => expect(crmContactsWithEmail(`${contactIds[0]}@example.dk`)).toHaveLength(1), 30_000);
    await eventually(async () => expect((await lettersIn('resolved')).map((letter) => letter.id)).toContain(messageIds[0]));
    expect((await lettersIn('dead')).map((letter) => letter.id)).not.toContain(messageIds[0]);
  });
});
