import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueClient } from '@azure/storage-queue';
import type { AutomationTrigger } from '../../domain/automation/AutomationTrigger.js';
import { settableClock } from '../../adapters/system/settableClock.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { personIdOf, startTestStack, testStackStartsAt } from '../support/testStack.js';

let stack: LocalStack;
const stackClock = settableClock(testStackStartsAt);

beforeAll(async () => {
  stack = await startTestStack({ clock: stackClock });
});
afterAll(() => stack.stop());

const of = () => stack.onlineFundraising;
const raiseTriggers = () => stack.engine.timerFunctions.find((fn) => fn.name === 'automationTriggers')!.handle();
const raised = async (): Promise<AutomationTrigger[]> => {
  const queue = new QueueClient(stack.azurite.connectionString, 'automation-triggers');
  const { peekedMessageItems } = await queue.peekMessages({ numberOfMessages: 32 });
  return peekedMessageItems.map((item) => JSON.parse(Buffer.from(item.messageText, 'base64').toString('utf8')) as AutomationTrigger);
};

async function paymentReaches(ofId: string, contactId: string, status: 'pending' | 'failed' | 'confirmed') {
  of().put('payment', ofId, { contact_id: contactId, amount: 10_000, status });
  await of().sendWebhook({ entity: 'payment', entityId: ofId, event: 'updated' });
}

/** Deleted only once processed, so an empty queue means every notification was handled. */
const waitForProcessing = () =>
  eventually(async () => {
    const queue = new QueueClient(stack.azurite.connectionString, 'of-notifications');
    expect((await queue.getProperties()).approximateMessagesCount).toBe(0);
  });

describe('[OnlineFundraising2] automation triggers from payment events', () => {
  it('[OnlineFundraising2] three failed payments of one person in a window raise one trigger, not three; redelivery counts nothing twice', async () => {
    of().put('contact', 't-x', { first_name: 'Ole', last_name: 'Dahl' });
    of().put('contact', 't-y', { first_name: 'Eva', last_name: 'Nør' });
    for (const ofId of ['t-p1', 't-p2', 't-p3']) await paymentReaches(ofId, 't-x', 'pending');
    await paymentReaches('t-p4', 't-y', 'pending');
    await waitForProcessing();
    for (const ofId of ['t-p1', 't-p2', 't-p3']) await paymentReaches(ofId, 't-x', 'failed');
    await paymentReaches('t-p4', 't-y', 'confirmed');
    await paymentReaches('t-p1', 't-x', 'failed');
    await waitForProcessing();

    await raiseTriggers();
    expect(await raised()).toEqual([]);

    stackClock.advance(2 * 60 * 60 * 1000);
    await raiseTriggers();
    const triggers = await raised();
    const summary = triggers.map((trigger) => [trigger.personId, trigger.kind, trigger.events]).sort();
    expect(summary).toEqual(
      [
        [personIdOf('t-x'), 'payment_failed', 3],
        [personIdOf('t-y'), 'payment_confirmed', 1],
      ].sort(),
    );
    await raiseTriggers();
    expect(await raised()).toHaveLength(2);
  });
});
