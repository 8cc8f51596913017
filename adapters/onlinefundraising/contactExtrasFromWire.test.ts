import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OnlineFundraisingSimulator, startOnlineFundraisingSimulator } from '../../local/simulators/onlinefundraising/server.js';
import { contactExtrasFromWire } from './contactExtrasFromWire.js';
import { type ContactWire, contactWireSchema } from './contactWireSchema.js';
import { OnlineFundraisingApiClient } from './OnlineFundraisingApiClient.js';
import { onlineFundraisingResourcePaths } from './resourcePaths.js';

const contact: ContactWire = {
  id: 'c-1001',
  first_name: 'Mette',
  created_at: '2025-03-01T09:59:00Z',
  updated_at: '2025-03-01T10:00:00Z',
  consents: [
    { channel: 'email', given: true, at: '2025-03-01T10:59:00+01:00', source: 'WEB-MEDLEM-NRF' },
    { channel: 'sms', given: false, at: '2025-03-02T08:00:00Z', source: null },
    { channel: 'post', given: true, at: '2025-03-02T08:00:00Z', source: '  ' },
  ],
  custom_fields: { tshirt_size: 'M' },
};

describe('contactExtrasFromWire', () => {
  it('[OnlineFundraising1] maps consents in OF’s order, instants in UTC, leaving out a missing or blank source', () => {
    expect(contactExtrasFromWire(contact)).toStrictEqual({
      consents: [
        { channel: 'email', given: true, at: '2025-03-01T09:59:00.000Z', source: 'WEB-MEDLEM-NRF' },
        { channel: 'sms', given: false, at: '2025-03-02T08:00:00.000Z' },
        { channel: 'post', given: true, at: '2025-03-02T08:00:00.000Z' },
      ],
      customFields: { tshirt_size: 'M' },
    });
  });

  it('reads consents and custom fields that OF sends as null or leaves out as none', () => {
    expect(contactExtrasFromWire({ ...contact, consents: null, custom_fields: null })).toStrictEqual({ consents: [], customFields: {} });
    expect(contactExtrasFromWire(contactWireSchema.parse({ id: 'c-1', created_at: contact.created_at, updated_at: contact.updated_at }))).toStrictEqual({
      consents: [],
      customFields: {},
    });
  });

  it('refuses a consent on a channel it does not know, or without an instant', () => {
    expect(contactWireSchema.safeParse({ ...contact, consents: [{ channel: 'fax', given: true, at: '2025-03-01T10:00:00Z', source: null }] }).success).toBe(false);
    expect(contactWireSchema.safeParse({ ...contact, consents: [{ channel: 'email', given: true, at: null, source: null }] }).success).toBe(false);
    expect(contactWireSchema.safeParse({ ...contact, custom_fields: { age: 42 } }).success).toBe(false);
  });
});

describe('contactExtrasFromWire over HTTP', () => {
  const apiKey = 'test-of-api-key';
  let sim: OnlineFundraisingSimulator;

  beforeAll(async () => {
    sim = await startOnlineFundraisingSimulator({ apiKey });
  });
  afterAll(() => sim.close());

  it('[OnlineFundraising1] reads the consents and custom fields of a contact as the simulator serves it', async () => {
    sim.put('contact', 'c-1001', {
      first_name: 'Mette',
      consents: [{ channel: 'sms', given: true, at: '2025-03-01T10:00:00.000Z', source: 'SMS-KLIMA' }],
      custom_fields: { tshirt_size: 'L' },
    });
    const client = new OnlineFundraisingApiClient({ baseUrl: sim.apiBaseUrl, apiKey });

    const body = await client.getById(onlineFundraisingResourcePaths.contact, 'c-1001');

    expect(contactExtrasFromWire(contactWireSchema.parse(body))).toStrictEqual({
      consents: [{ channel: 'sms', given: true, at: '2025-03-01T10:00:00.000Z', source: 'SMS-KLIMA' }],
      customFields: { tshirt_size: 'L' },
    });
  });
});
