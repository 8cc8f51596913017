import { describe, expect, it } from 'vitest';
import { uuidIds } from '../../adapters/system/UuidIds.js';
import type { OnlineFundraisingContact } from './OnlineFundraisingContact.js';
import { personFromOnlineFundraisingContact, personIdForOnlineFundraisingContact } from './personFromOnlineFundraisingContact.js';

const now = new Date('2026-11-24T12:00:00Z');
const contact: OnlineFundraisingContact = {
  id: 'of-1001',
  updatedAt: '2026-11-24T11:59:00Z',
  firstName: ' Mette ',
  lastName: 'Sørensen',
  email: ' Mette@Example.DK ',
  secondaryEmail: 'mette@example.dk',
  phone: '22 33 44 55',
  secondaryPhone: '0046 70 123 45 67',
  address: { street: 'Fælledvej 12', street2: '2. tv', postalCode: '2200', city: 'København N', countryCode: 'dk' },
  contributionCode: 'KLIMA2026',
};

describe('personFromOnlineFundraisingContact', () => {
  it('[OnlineFundraising1] maps names, distinct emails, E.164 phones, address and campaign code', () => {
    const personId = personIdForOnlineFundraisingContact(uuidIds, contact.id);
    const person = personFromOnlineFundraisingContact(contact, { personId, ids: uuidIds, now });
    expect(person).toMatchObject({
      id: personId,
      firstName: 'Mette',
      lastName: 'Sørensen',
      emails: ['mette@example.dk'],
      phones: { primary: '+4522334455', secondary: '+46701234567' },
      rejectedPhones: [],
      address: { line1: 'Fælledvej 12', line2: '2. tv', postalCode: '2200', city: 'København N', countryCode: 'DK' },
      campaignCode: 'KLIMA2026',
      onlineFundraising: { contactId: 'of-1001', updatedAt: '2026-11-24T11:59:00Z' },
      createdAt: now.toISOString(),
    });
    expect(person.company).toBeUndefined();
  });

  it('[OnlineFundraising1] the same OF contact always gets the same person id', () => {
    expect(personIdForOnlineFundraisingContact(uuidIds, 'of-1001')).toBe(personIdForOnlineFundraisingContact(uuidIds, 'of-1001'));
    expect(personIdForOnlineFundraisingContact(uuidIds, 'of-1001')).not.toBe(personIdForOnlineFundraisingContact(uuidIds, 'of-1002'));
  });

  it('[OnlineFundraising1] a company signup makes the person its contact person, with a company id of its own', () => {
    const personId = personIdForOnlineFundraisingContact(uuidIds, 'of-2002');
    const person = personFromOnlineFundraisingContact(
      { ...contact, id: 'of-2002', companyName: 'Grøn Kaffe ApS', cvr: '1234 5678' },
      { personId, ids: uuidIds, now },
    );
    expect(person.company).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Grøn Kaffe ApS', cvr: '12345678' });
    expect(person.company?.id).not.toBe(personId);
    expect(person.firstName).toBe('Mette');
  });

  it('[OnlineFundraising1] a foreign address keeps its country, and a number that is no phone is set aside, not guessed', () => {
    const person = personFromOnlineFundraisingContact(
      { ...contact, phone: '1234', address: { street: 'Storgatan 1', postalCode: '111 22', city: 'Stockholm', countryCode: 'SE' } },
      { personId: 'p', ids: uuidIds, now },
    );
    expect(person.address).toEqual({ line1: 'Storgatan 1', postalCode: '111 22', city: 'Stockholm', countryCode: 'SE' });
    expect(person.phones).toEqual({ secondary: '+46701234567' });
    expect(person.rejectedPhones).toEqual([{ field: 'primary', raw: '1234' }]);
  });

  it('keeps the creation instant of an existing person', () => {
    const existing = personFromOnlineFundraisingContact(contact, { personId: 'p', ids: uuidIds, now: new Date('2026-01-01T00:00:00Z') });
    const updated = personFromOnlineFundraisingContact(contact, { personId: 'p', ids: uuidIds, now, existing });
    expect(updated.createdAt).toBe('2026-01-01T00:00:00.000Z');
    expect(updated.updatedAt).toBe(now.toISOString());
  });
});
