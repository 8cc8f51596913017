import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Container } from '@azure/cosmos';
import { createCosmosClient } from '../../adapters/cosmos/cosmosClient.js';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import type { DuplicateReview } from '../../domain/identity/DuplicateReview.js';
import type { Person } from '../../domain/person/Person.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { adminHeaders, personIdOf, startTestStack } from '../support/testStack.js';

let stack: LocalStack;
let persons: Container;

beforeAll(async () => {
  stack = await startTestStack();
  const cosmos = createCosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, database: 'ms-engine' });
  persons = cosmos.database('ms-engine').container(cosmosContainers.persons.id);
});
afterAll(() => stack.stop());

const of = () => stack.onlineFundraising;
const storedPerson = async (personId: string) => (await persons.item(personId, personId).read<Person>()).resource;
const crmContact = (contactId: string) => stack.dataverse.row('contacts', personIdOf(contactId));
const admin = async (method: string, path: string, body?: unknown) =>
  fetch(`${stack.engineUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...(await adminHeaders(stack)) }, ...(body !== undefined && { body: JSON.stringify(body) }) });

async function signUp(contactId: string, fields: Record<string, unknown>) {
  of().put('contact', contactId, { first_name: 'Anne', last_name: 'Berg', ...fields });
  await of().sendWebhook({ entity: 'contact', entityId: contactId, event: 'created' });
}

async function signedUpAndInCrm(contactId: string, fields: Record<string, unknown>) {
  await signUp(contactId, fields);
  await eventually(() => expect(crmContact(contactId)).toBeDefined());
}

const mergeCalls = (survivorContactId: string) =>
  of().requests().filter((request) => request.method === 'POST' && request.path === `/api/v1/contacts/${survivorContactId}/merge`);

async function openReviewFor(contactId: string): Promise<DuplicateReview> {
  return eventually(async () => {
    const body = (await (await admin('GET', '/admin/duplicate-reviews')).json()) as { reviews: DuplicateReview[] };
    const review = body.reviews.find((candidate) => candidate.source.id === contactId);
    if (!review) throw new Error(`no open review for ${contactId} yet`);
    return review;
  });
}

/** [OnlineFundraising13] An OF contact id belongs to exactly one active person. */
async function activePersonsHolding(contactId: string): Promise<string[]> {
  const { resources } = await persons.items
    .query<Person>({ query: 'SELECT * FROM c WHERE c.onlineFundraising.contactId = @id AND NOT IS_DEFINED(c.mergedInto)', parameters: [{ name: '@id', value: contactId }] })
    .fetchAll();
  return resources.map((person) => person.id);
}

describe('[CARE-Dedupe] one person, one record: the resolver', () => {
  it('[OnlineFundraising1][CARE-Dedupe] a new OF contact with the email of a person in OF is attached: OF merges the two contacts and no second person or CRM contact appears', async () => {
    await signedUpAndInCrm('id-a1', { email: 'anne.berg@example.dk' });
    await signUp('id-a2', { email: ' Anne.Berg@Example.DK', first_name: 'Anne M.' });
    await eventually(() => expect(mergeCalls('id-a1')).toHaveLength(1));
    await eventually(async () => expect((await storedPerson(personIdOf('id-a2')))?.mergedInto).toBe(personIdOf('id-a1')));
    expect(crmContact('id-a2')).toBeUndefined();
    expect(of().get('contact', 'id-a2')?.merged_into_contact_id).toBe('id-a1');
    expect(await activePersonsHolding('id-a1')).toEqual([personIdOf('id-a1')]);
    expect(await activePersonsHolding('id-a2')).toEqual([]);
  });

  it('[OnlineFundraising8] a contact matched on phone (written differently) merges automatically', async () => {
    await signedUpAndInCrm('id-p1', { email: 'p1@example.dk', phone: '22 33 44 66' });
    await signUp('id-p2', { email: 'p2@example.dk', phone: '+45 22334466' });
    await eventually(async () => expect((await storedPerson(personIdOf('id-p2')))?.mergedInto).toBe(personIdOf('id-p1')));
    expect(mergeCalls('id-p1')).toHaveLength(1);
  });

  it('[OnlineFundraising13] anything that later arrives for a merged-away contact lands on the survivor', async () => {
    await signedUpAndInCrm('id-l1', { email: 'lars@example.dk' });
    await signUp('id-l2', { email: 'lars@example.dk' });
    await eventually(async () => expect((await storedPerson(personIdOf('id-l2')))?.mergedInto).toBe(personIdOf('id-l1')));
    of().put('agreement', 'id-l2-a', { contact_id: 'id-l2', type: 'membership', status: 'active', restricted: false });
    await of().sendWebhook({ entity: 'agreement', entityId: 'id-l2-a', event: 'created' });
    await eventually(() => expect(stack.dataverse.row('contacts', personIdOf('id-l1'))?.msengine_supporterkind).toBe('member'));
  });

  it('[CARE-Dedupe] a match by a review rule parks the data; "not a duplicate" releases it as a new person and the pair is never proposed again', async () => {
    await signedUpAndInCrm('id-r1', { first_name: 'Søren', last_name: 'Holm', address: { street: 'Vej 1', postal_code: '8000', city: 'Aarhus C' } });
    await signUp('id-r2', { first_name: 'Soren', last_name: 'HOLM', address: { street: 'Gade 2', postal_code: '8000', city: 'Aarhus C' } });
    const review = await openReviewFor('id-r2');
    expect(review).toMatchObject({ status: 'open', matches: [personIdOf('id-r1')], ruleIds: ['name-postcode'] });
    expect(await storedPerson(personIdOf('id-r2'))).toBeUndefined();
    expect(crmContact('id-r2')).toBeUndefined();

    const decided = await admin('POST', `/admin/duplicate-reviews/${review.id}/decision`, { decision: 'not-duplicate', decidedBy: 'medlemsservice@ms.dk' });
    expect(decided.status).toBe(200);
    await eventually(() => expect(crmContact('id-r2')?.firstname).toBe('Soren'));
    expect(mergeCalls('id-r1')).toHaveLength(0);
    // Re-running the parked-data job proposes nothing: the pair is remembered.
    await stack.engine.timerFunctions.find((fn) => fn.name === 'parkedDuplicateReviews')!.handle();
    const again = (await (await admin('GET', '/admin/duplicate-reviews')).json()) as { reviews: DuplicateReview[] };
    expect(again.reviews.filter((candidate) => candidate.source.id === 'id-r2')).toEqual([]);
    const twice = await admin('POST', `/admin/duplicate-reviews/${review.id}/decision`, { decision: 'not-duplicate', decidedBy: 'x' });
    expect(twice.status).toBe(409);
  });

  it('[CARE-Dedupe] more than one valid match goes to review; a reviewer merges it into the person they choose', async () => {
    await signedUpAndInCrm('id-m1', { email: 'mona@example.dk' });
    await signedUpAndInCrm('id-m2', { email: 'other@example.dk', phone: '40 50 60 70' });
    await signUp('id-m3', { email: 'mona@example.dk', phone: '40506070' });
    const review = await openReviewFor('id-m3');
    expect(review.matches).toEqual([personIdOf('id-m1'), personIdOf('id-m2')].sort());
    const wrong = await admin('POST', `/admin/duplicate-reviews/${review.id}/decision`, { decision: 'merge', into: 'somebody-else', decidedBy: 'ms' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'not_a_proposed_match' });
    const decided = await admin('POST', `/admin/duplicate-reviews/${review.id}/decision`, { decision: 'merge', into: personIdOf('id-m2'), decidedBy: 'ms' });
    expect(decided.status).toBe(200);
    await eventually(async () => expect((await storedPerson(personIdOf('id-m3')))?.mergedInto).toBe(personIdOf('id-m2')));
    expect(mergeCalls('id-m2')).toHaveLength(1);
  });

  it('[CARE-Dedupe] staff redefine the rules through the admin API; parked data is retried and released when the question goes away', async () => {
    await signedUpAndInCrm('id-x1', { email: 'xenia@example.dk' });
    await signedUpAndInCrm('id-x2', { email: 'x2@example.dk', phone: '41 51 61 71' });
    await signUp('id-x3', { email: 'xenia@example.dk', phone: '41516171' });
    await openReviewFor('id-x3');
    const rules = (await (await admin('GET', '/admin/match-rules')).json()) as { rules: { id: string }[] };
    const put = await admin('PUT', '/admin/match-rules', { rules: rules.rules.filter((rule) => rule.id !== 'phone') });
    expect(put.status).toBe(200);
    try {
      await stack.engine.timerFunctions.find((fn) => fn.name === 'parkedDuplicateReviews')!.handle();
      await eventually(async () => expect((await storedPerson(personIdOf('id-x3')))?.mergedInto).toBe(personIdOf('id-x1')));
    } finally {
      await admin('PUT', '/admin/match-rules', rules);
    }
  });

  it('[CARE-Dedupe] a rule the engine cannot use is refused with the fields named, and the rules stay as they were', async () => {
    const before = await (await admin('GET', '/admin/match-rules')).json();
    const put = await admin('PUT', '/admin/match-rules', { rules: [{ id: 'Bad Id', description: 'x', fields: ['shoe-size'], comparison: 'fuzzy', onMatch: 'merge' }] });
    expect(put.status).toBe(400);
    const body = (await put.json()) as { fields: { field: string }[] };
    expect(body.fields.map((field) => field.field).sort()).toEqual(['rules.0.comparison', 'rules.0.fields.0', 'rules.0.id']);
    expect(await (await admin('GET', '/admin/match-rules')).json()).toEqual(before);
  });
});
