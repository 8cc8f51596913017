import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Container } from '@azure/cosmos';
import { createCosmosClient } from '../../adapters/cosmos/cosmosClient.js';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import { uuidIds } from '../../adapters/system/UuidIds.js';
import type { MirrorRecord } from '../../domain/mirror/MirrorRecord.js';
import { mirrorIdFor } from '../../domain/mirror/mirrorIds.js';
import type { ReconciliationState } from '../../domain/reconciliation/ports.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { personIdOf, startTestStack } from '../support/testStack.js';

let stack: LocalStack;
let mirror: Container;
let jobState: Container;

beforeAll(async () => {
  stack = await startTestStack();
  const database = createCosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, database: 'ms-engine' }).database('ms-engine');
  mirror = database.container(cosmosContainers.mirror.id);
  jobState = database.container(cosmosContainers.engineState.id);
});
afterAll(() => stack.stop());

const runReconciliation = () => stack.engine.timerFunctions.find((fn) => fn.name === 'onlineFundraisingReconciliation')!.handle();
const lastReport = async () => (await jobState.item('onlinefundraising', 'onlinefundraising').read<ReconciliationState>()).resource!.lastRun!;
const mirroredPayment = async (ofId: string) => {
  const id = mirrorIdFor(uuidIds, 'payment', ofId);
  return (await mirror.item(id, id).read<MirrorRecord>()).resource;
};
const of = () => stack.onlineFundraising;

describe('[OnlineFundraising2] reconciliation with OF', () => {
  it('[OnlineFundraising2] repairs what lost notifications missed, reports it, and finds nothing the second time', async () => {
    of().put('contact', 'r-c', { first_name: 'Lone', last_name: 'Berg' });
    of().put('agreement', 'r-a', { contact_id: 'r-c', type: 'recurring_donation', contribution_code: 'FAST2026' });
    of().put('payment', 'r-p', { contact_id: 'r-c', agreement_id: 'r-a', amount: 15_000, status: 'pending' });
    await of().sendWebhook({ entity: 'contact', entityId: 'r-c', event: 'created' });
    await eventually(() => expect(stack.dataverse.row('contacts', personIdOf('r-c'))).toBeDefined());

    await runReconciliation();
    const first = await lastReport();
    expect(first.entities.contact).toMatchObject({ checked: 1, repaired: 0 });
    expect(first.entities.agreement).toMatchObject({ checked: 1, repaired: 1, repairedIds: ['r-a'] });
    expect(first.entities.payment).toMatchObject({ checked: 1, repaired: 1, repairedIds: ['r-p'] });
    const payment = await eventually(async () => (await mirroredPayment('r-p')) ?? Promise.reject(new Error('not repaired yet')));
    expect(payment.record).toMatchObject({ amountOre: 15_000, status: 'pending' });
    await eventually(async () => expect((await mirroredPayment('r-p'))?.waitingFor).toEqual([]));

    of().put('payment', 'r-p', { status: 'confirmed', paid_date: '2026-12-01' });
    await runReconciliation();
    const second = await lastReport();
    expect(second.entities.payment).toMatchObject({ repaired: 1, repairedIds: ['r-p'] });
    expect(second.entities.agreement).toMatchObject({ repaired: 0 });
    await eventually(async () => expect((await mirroredPayment('r-p'))?.record).toMatchObject({ status: 'confirmed' }));

    await runReconciliation();
    const third = await lastReport();
    const repaired = Object.values(third.entities).map((entity) => entity?.repaired ?? 0);
    expect(repaired.every((count) => count === 0)).toBe(true);
  });
});
