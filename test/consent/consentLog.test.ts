import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentChannel, ConsentEntry } from '../../domain/consent/ConsentEntry.js';
import type { ConsentState } from '../../domain/consent/currentConsents.js';
import type { LocalStack } from '../../local/stack.js';
import { eventually } from '../support/eventually.js';
import { adminHeaders, personIdOf, queueDrained, startTestStack } from '../support/testStack.js';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

interface Overview {
  entries: ConsentEntry[];
  current: ConsentState[];
}

const admin = async (method: string, path: string, body?: unknown, teams?: string[]) =>
  fetch(`${stack.engineUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...(await adminHeaders(stack, 'Administrator', teams)) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
const overview = async (personId: string) => (await (await admin('GET', `/admin/persons/${personId}/consents`)).json()) as Overview;
const granted = (view: Overview, channel: string, topic = 'all') => view.current.find((state) => state.channel === channel && state.topic === topic)?.granted ?? false;

async function signedUpWithConsents(contactId: string, consents: { channel: ConsentChannel; given: boolean; at: string }[]) {
  stack.onlineFundraising.put('contact', contactId, {
    first_name: 'Lone',
    last_name: `Friis ${contactId}`,
    email: `${contactId}@example.dk`,
    contribution_code: 'KLIMA2026',
    consents: consents.map((consent) => ({ ...consent, source: 'KLIMA2026' })),
  });
  await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: contactId, event: 'created' });
  await eventually(() => expect(stack.dataverse.row('contacts', personIdOf(contactId))).toBeDefined());
  return personIdOf(contactId);
}

describe('[Permission] the consent log', () => {
  it('[Permission] consents given at an OF signup are logged with time, channel, source and campaign; a repeated notification adds nothing', async () => {
    const personId = await signedUpWithConsents('id-c1', [
      { channel: 'email', given: true, at: '2026-11-20T09:00:00.000Z' },
      { channel: 'sms', given: false, at: '2026-11-20T09:00:00.000Z' },
    ]);
    const first = await eventually(async () => {
      const view = await overview(personId);
      expect(view.entries).toHaveLength(2);
      return view;
    });
    expect(first.entries.find((entry) => entry.channel === 'email')).toMatchObject({
      at: '2026-11-20T09:00:00.000Z',
      topic: 'all',
      action: 'granted',
      source: { kind: 'onlinefundraising-signup', id: 'KLIMA2026' },
      campaignCode: 'KLIMA2026',
    });
    expect(granted(first, 'email')).toBe(true);
    expect(granted(first, 'sms')).toBe(false);

    await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: 'id-c1', event: 'updated' });
    await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: 'id-c1', event: 'updated' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await overview(personId)).entries).toEqual(first.entries);
  });

  it('[Permissionsstruktur1] a phone opt-out survives a later signup granting phone; staff give it back only with the person’s request noted, and the log keeps every line', async () => {
    const personId = await signedUpWithConsents('id-c2', [{ channel: 'phone', given: true, at: '2026-01-01T09:00:00.000Z' }]);
    const optOut = await admin('POST', `/admin/persons/${personId}/consents`, { changes: [{ channel: 'phone', topic: 'all', action: 'withdrawn' }], enteredBy: 'ms@ms.dk', at: '2026-02-01T09:00:00.000Z' });
    expect(optOut.status).toBe(201);
    stack.onlineFundraising.put('contact', 'id-c2', { consents: [{ channel: 'phone', given: true, at: '2026-06-01T09:00:00.000Z', source: 'PETITION' }] });
    await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: 'id-c2', event: 'updated' });
    const afterSignature = await eventually(async () => {
      const view = await overview(personId);
      expect(view.entries).toHaveLength(3);
      return view;
    });
    expect(granted(afterSignature, 'phone')).toBe(false);

    const withoutRequest = await admin('POST', `/admin/persons/${personId}/consents`, { changes: [{ channel: 'phone', topic: 'all', action: 'granted' }], enteredBy: 'ms@ms.dk' });
    expect(granted((await withoutRequest.json()) as Overview, 'phone')).toBe(false);
    const withRequest = await admin('POST', `/admin/persons/${personId}/consents`, {
      changes: [{ channel: 'phone', topic: 'all', action: 'granted' }],
      enteredBy: 'ms@ms.dk',
      personsRequest: 'called member service and asked to be called again',
      requestId: 'ticket-4711',
    });
    expect(granted((await withRequest.json()) as Overview, 'phone')).toBe(true);
    await admin('POST', `/admin/persons/${personId}/consents`, { changes: [{ channel: 'phone', topic: 'all', action: 'granted' }], enteredBy: 'ms@ms.dk', personsRequest: 'same ticket sent twice', requestId: 'ticket-4711' });
    expect((await overview(personId)).entries.map((entry) => entry.action)).toEqual(['granted', 'withdrawn', 'granted', 'granted', 'granted']);
  });

  it('[Permission] a consent naming an unknown topic, or a topic not offered on its channel, is refused with the fields named, and nothing is logged', async () => {
    const personId = await signedUpWithConsents('id-c3', []);
    const response = await admin('POST', `/admin/persons/${personId}/consents`, {
      changes: [
        { channel: 'email', topic: 'newsletter-1', action: 'granted' },
        { channel: 'email', topic: 'no-such-topic', action: 'granted' },
        { channel: 'phone', topic: 'newsletter-2', action: 'granted' },
      ],
      enteredBy: 'ms@ms.dk',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'unknown_consent_topic',
      fields: [
        { field: 'changes.1.topic', problem: 'no consent topic "no-such-topic"' },
        { field: 'changes.2.channel', problem: 'topic "newsletter-2" is not offered by phone' },
      ],
    });
    expect((await overview(personId)).entries).toEqual([]);
    const malformed = await admin('POST', `/admin/persons/${personId}/consents`, { changes: [{ channel: 'fax', topic: 'all', action: 'maybe' }] });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { fields: { field: string }[] }).fields.map((field) => field.field).sort()).toEqual(['changes.0.action', 'changes.0.channel']);
    expect((await admin('GET', '/admin/persons/00000000-0000-4000-8000-000000000404/consents')).status).toBe(404);
  });

  it('[Permissionsstruktur1][StopList] a segment for Global Contact leaves out members, stop-listed people and people without consent, saying why', async () => {
    const member = await signedUpWithConsents('id-s1', [{ channel: 'sms', given: true, at: '2026-03-01T09:00:00.000Z' }]);
    stack.onlineFundraising.put('agreement', 'id-s1-a', { contact_id: 'id-s1', type: 'membership', status: 'active', restricted: false });
    await stack.onlineFundraising.sendWebhook({ entity: 'agreement', entityId: 'id-s1-a', event: 'created' });
    const supporter = await signedUpWithConsents('id-s2', [{ channel: 'sms', given: true, at: '2026-03-01T09:00:00.000Z' }]);
    const stopListed = await signedUpWithConsents('id-s3', [{ channel: 'sms', given: true, at: '2026-03-01T09:00:00.000Z' }]);
    const silent = await signedUpWithConsents('id-s4', []);
    stack.onlineFundraising.put('contact', 'id-s3', { phone: '31 41 59 26' });
    await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: 'id-s3', event: 'updated' });
    const added = await admin('POST', '/admin/stop-list', { phone: '+45 3141 5926', requestedAt: '2026-10-01', sms: true, telemarketing: true, source: 'medlemsservice', addedBy: 'ms@ms.dk' });
    expect(added.status).toBe(201);

    // [Brugerrettigheder] The team is the caller's, from their token's groups.
    const filter = (team: string) => admin('POST', '/admin/segments/filter', { channel: 'sms', personIds: [member, supporter, stopListed, silent] }, [team]);
    await eventually(async () => {
      const body = (await (await filter('global-contact')).json()) as { kept: string[]; excluded: { personId: string; reasons: string[] }[] };
      expect(body.kept).toEqual([supporter]);
      expect(body.excluded).toEqual([
        { personId: member, reasons: ['team-limit'] },
        { personId: stopListed, reasons: ['stop-list'] },
        { personId: silent, reasons: ['no-consent'] },
      ]);
    });
    const forFundraisers = (await (await filter('fundraising')).json()) as { kept: string[] };
    expect(forFundraisers.kept.sort()).toEqual([member, supporter].sort());
  });

  it('[OnlineFundraising13][Permissionsstruktur1] merging carries the merged person’s consent lines to the survivor, so their SMS opt-out holds there', async () => {
    const survivor = await signedUpWithConsents('id-m1', [{ channel: 'sms', given: true, at: '2026-03-01T09:00:00.000Z' }]);
    const merged = await signedUpWithConsents('id-m2', [{ channel: 'sms', given: false, at: '2026-02-01T09:00:00.000Z' }]);
    await eventually(async () => expect(granted(await overview(survivor), 'sms')).toBe(true));
    const response = await admin('POST', `/admin/persons/${survivor}/merge`, { mergedPersonId: merged, requestedBy: 'ms@ms.dk' });
    expect(response.status).toBe(202);
    const after = await eventually(async () => {
      const view = await overview(survivor);
      expect(view.entries).toHaveLength(2);
      return view;
    });
    expect(after.entries.find((entry) => entry.action === 'withdrawn')).toMatchObject({ channel: 'sms', carriedFrom: merged, personId: survivor });
    expect(granted(after, 'sms')).toBe(false);
    expect((await overview(merged)).entries).toHaveLength(1);
    // OF reporting the merged contact afterwards adds nothing: its consents were carried once.
    await stack.onlineFundraising.sendWebhook({ entity: 'contact', entityId: 'id-m2', event: 'updated' });
    await queueDrained(stack, 'of-notifications');
    expect((await overview(survivor)).entries).toHaveLength(2);
  });

  it('[Permissionsstruktur2] from the link in a mail the person unsubscribes newsletter 1 and subscribes newsletter 2, then all email; each change is logged; a forged link is refused', async () => {
    const personId = await signedUpWithConsents('id-p1', []);
    const link = (await (await admin('GET', `/admin/persons/${personId}/preference-link`)).json()) as { token: string; expiresAt: string };
    const preferences = (body: unknown) => fetch(`${stack.engineUrl}/preferences`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await admin('POST', `/admin/persons/${personId}/consents`, { changes: [{ channel: 'email', topic: 'newsletter-1', action: 'granted' }], enteredBy: 'ms@ms.dk', at: '2026-01-01T00:00:00.000Z' });

    const changed = await preferences({ token: link.token, changes: [{ topic: 'newsletter-1', action: 'withdrawn' }, { topic: 'newsletter-2', action: 'granted' }] });
    expect(changed.status).toBe(200);
    const view = await overview(personId);
    expect(granted(view, 'email', 'newsletter-1')).toBe(false);
    expect(granted(view, 'email', 'newsletter-2')).toBe(true);
    expect(view.entries.filter((entry) => entry.source.kind === 'preference-centre')).toHaveLength(2);

    expect((await preferences({ token: link.token, changes: [{ topic: 'all', action: 'withdrawn' }] })).status).toBe(200);
    const shown = (await (await fetch(`${stack.engineUrl}/preferences?token=${encodeURIComponent(link.token)}`)).json()) as { current: ConsentState[] };
    expect(shown.current.every((state) => !state.granted)).toBe(true);

    const forged = `${link.token.slice(0, -4)}AAAA`;
    expect((await preferences({ token: forged, changes: [{ topic: 'all', action: 'granted' }] })).status).toBe(401);
    expect((await fetch(`${stack.engineUrl}/preferences?token=${encodeURIComponent(forged)}`)).status).toBe(401);
    expect((await overview(personId)).entries).toHaveLength(4);
  });
});
