import { describe, expect, it } from 'vitest';
import { contactFromWire } from './contactFromWire.js';
import { type ContactWire, contactWireSchema } from './contactWireSchema.js';

const fullContact: ContactWire = {
  id: 'c-1001',
  first_name: 'Mette',
  last_name: 'Sørensen',
  email: 'mette@example.dk',
  email_secondary: 'mette.s@arbejde.dk',
  phone: '12 34 56 78',
  phone_secondary: '+46 70 123 45 67',
  address: { street: 'Nørrebrogade 12, 3. tv', street2: 'c/o Hansen', postal_code: '2200', city: 'København N', country: 'dk' },
  contribution_code: 'WEB-MEDLEM-NRF',
  company: { name: 'Grøn Handel ApS', cvr: '12345678' },
  created_at: '2025-03-01T09:59:00Z',
  updated_at: '2025-03-01T11:00:00+01:00',
};

describe('contactFromWire', () => {
  it('maps every field of OF’s contact to the domain’s words', () => {
    expect(contactFromWire(fullContact)).toEqual({
      id: 'c-1001',
      updatedAt: '2025-03-01T10:00:00.000Z',
      firstName: 'Mette',
      lastName: 'Sørensen',
      email: 'mette@example.dk',
      secondaryEmail: 'mette.s@arbejde.dk',
      phone: '12 34 56 78',
      secondaryPhone: '+46 70 123 45 67',
      address: { street: 'Nørrebrogade 12, 3. tv', street2: 'c/o Hansen', postalCode: '2200', city: 'København N', countryCode: 'DK' },
      contributionCode: 'WEB-MEDLEM-NRF',
      companyName: 'Grøn Handel ApS',
      cvr: '12345678',
    });
  });

  it('leaves out empty, blank and null fields instead of passing empty strings on', () => {
    const contact = contactFromWire({
      ...fullContact,
      email_secondary: '',
      phone_secondary: '   ',
      contribution_code: null,
      address: { ...fullContact.address, street2: '' },
      company: null,
    });

    expect(contact).not.toHaveProperty('secondaryEmail');
    expect(contact).not.toHaveProperty('secondaryPhone');
    expect(contact).not.toHaveProperty('contributionCode');
    expect(contact).not.toHaveProperty('companyName');
    expect(contact).not.toHaveProperty('cvr');
    expect(contact.address).toEqual({ street: 'Nørrebrogade 12, 3. tv', postalCode: '2200', city: 'København N', countryCode: 'DK' });
  });

  it('gives a contact from an SMS signup (phone only) empty names and no address', () => {
    const smsSignup = contactWireSchema.parse({
      id: 'c-2002',
      first_name: null,
      phone: '0046701234567',
      address: { street: '', street2: '', postal_code: '', city: '', country: 'DK' },
      created_at: '2025-03-01T10:00:00Z',
      updated_at: '2025-03-01T10:00:00Z',
    });

    expect(contactFromWire(smsSignup)).toEqual({
      id: 'c-2002',
      updatedAt: '2025-03-01T10:00:00.000Z',
      firstName: '',
      lastName: '',
      phone: '0046701234567',
    });
  });

  it('[OnlineFundraising13] names the contact a merged contact went into, and leaves it out while the contact lives on', () => {
    expect(contactFromWire({ ...fullContact, merged_into_contact_id: 'c-0001' }).mergedIntoContactId).toBe('c-0001');
    for (const absent of [null, '', undefined]) {
      expect(contactFromWire({ ...fullContact, merged_into_contact_id: absent })).not.toHaveProperty('mergedIntoContactId');
    }
  });

  it('[OnlineFundraising5] says when OF anonymised the contact, and nothing while it has not', () => {
    expect(contactFromWire({ ...fullContact, anonymized_at: '2026-11-25T11:00:00+01:00' }).anonymisedAt).toBe('2026-11-25T10:00:00.000Z');
    expect(contactFromWire({ ...fullContact, anonymized_at: null })).not.toHaveProperty('anonymisedAt');
  });

  it('accepts who changed the contact last (updated_by) but does not map it: the domain’s contact has no field for it yet', () => {
    for (const updatedBy of ['api', 'staff', null, undefined]) {
      const wire = contactWireSchema.parse({ ...fullContact, updated_by: updatedBy });

      expect(contactFromWire(wire)).toEqual(contactFromWire(fullContact));
    }
    expect(contactWireSchema.safeParse({ ...fullContact, updated_by: 42 }).success).toBe(false);
  });

  it('reads an address without a country as Danish', () => {
    const contact = contactFromWire({ ...fullContact, address: { street: 'Vestergade 1', postal_code: '8000', city: 'Aarhus C', country: '' } });

    expect(contact.address?.countryCode).toBe('DK');
  });
});

describe('contactWireSchema', () => {
  it('rejects a contact without id or with an updated_at that is not an instant', () => {
    expect(contactWireSchema.safeParse({ ...fullContact, id: '' }).success).toBe(false);
    expect(contactWireSchema.safeParse({ ...fullContact, updated_at: 'yesterday' }).success).toBe(false);
  });

  it('ignores fields it does not know, so OF can add some', () => {
    expect(contactWireSchema.safeParse({ ...fullContact, anonymized: false, birth_year: 1980 }).success).toBe(true);
  });
});
