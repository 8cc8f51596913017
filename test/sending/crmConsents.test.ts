import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../local/stack.js';
import { personIdOf, queueDrained, startTestStack } from '../support/testStack.js';
import { contactKnown, staffCall } from './support.js';

let stack: LocalStack;
const call = staffCall(() => stack);
afterAll(() => stack.stop());

const refresh = () => stack.engine.timerFunctions.find((timer) => timer.name === 'contactPreferences')!.handle();
const contact = (contactId: string) => stack.dataverse.row('contacts', personIdOf(contactId));

beforeAll(async () => {
  stack = await startTestStack();
  await contactKnown(stack, 'crm-consent', {
    first_name: 'Kirsten',
    last_name: 'Krog',
    email: 'kirsten@example.dk',
    phone: '26 70 80 90',
    consents: [
      { channel: 'email', given: true, at: '2026-05-01T10:00:00Z', source: 'WEB' },
      { channel: 'sms', given: true, at: '2026-05-01T10:00:00Z', source: 'WEB' },
    ],
  });
});

describe('[Permissionsstruktur1] consents on the CRM contact', () => {
  it('[Permissionsstruktur1][StopList] the contact carries the consent per channel and the stop-list flags, so a send from Dynamics honours them; a withdrawal follows', async () => {
    const added = await call('POST', '/admin/stop-list', { phone: '+4526708090', requestedAt: '2026-11-20', sms: true, telemarketing: false, source: 'member service' }, 'MemberServiceEditor');
    expect(added.status).toBe(201);
    await refresh();
    expect(contact('crm-consent')).toMatchObject({
      donotemail: false,
      donotbulkemail: false,
      donotphone: true,
      donotpostalmail: true,
      msengine_smsconsent: false,
      msengine_stoplistsms: true,
      msengine_stoplisttelemarketing: false,
    });

    const withdrawn = await call('POST', `/admin/persons/${personIdOf('crm-consent')}/consents`, { changes: [{ channel: 'email', topic: 'all', action: 'withdrawn' }], enteredBy: 'ms@ms.dk', personsRequest: 'ringede og bad om ingen mails' }, 'MemberServiceEditor');
    expect(withdrawn.status).toBe(201);
    await refresh();
    expect(contact('crm-consent')).toMatchObject({ donotemail: true, donotbulkemail: true, msengine_stoplistsms: true });
  });

  it('[Permissionsstruktur1] a round with nothing changed writes nothing to Dataverse', async () => {
    await refresh();
    for (const queue of ['of-notifications', 'crm-contact-changes']) await queueDrained(stack, queue);
    const before = stack.dataverse.requests().length;
    await refresh();
    expect(stack.dataverse.requests().slice(before)).toEqual([]);
  });
});
