import { describe, expect, it } from 'vitest';
import { contactChangesToWire } from './contactChanges.js';

const address = { street: 'Vesterbrogade 3', postalCode: '1620', city: 'København V', countryCode: 'DK' };

describe('contactChangesToWire', () => {
  it('translates every field of the domain’s changes into OF’s snake_case PATCH body', () => {
    expect(
      contactChangesToWire({
        firstName: 'Mette',
        lastName: 'Sørensen',
        email: 'mette@example.dk',
        secondaryEmail: 'mette@arbejde.dk',
        phone: '+4512345678',
        secondaryPhone: '+46701234567',
        address: { ...address, street2: 'c/o Hansen' },
      }),
    ).toEqual({
      first_name: 'Mette',
      last_name: 'Sørensen',
      email: 'mette@example.dk',
      email_secondary: 'mette@arbejde.dk',
      phone: '+4512345678',
      phone_secondary: '+46701234567',
      address: { street: 'Vesterbrogade 3', street2: 'c/o Hansen', postal_code: '1620', city: 'København V', country: 'DK' },
    });
  });

  it('leaves out what the domain leaves out (or sets undefined), so OF keeps it', () => {
    expect(contactChangesToWire({})).toEqual({});
    const wire = contactChangesToWire({ email: 'mette@example.dk', phone: undefined });
    expect(wire).toEqual({ email: 'mette@example.dk' });
    expect(wire).not.toHaveProperty('phone');
  });

  it('sends null to clear a field, also for empty or blank text', () => {
    expect(contactChangesToWire({ email: null, secondaryEmail: '', phone: '  ', address: null })).toEqual({
      email: null,
      email_secondary: null,
      phone: null,
      address: null,
    });
  });

  it('sends the address whole: a missing street2 is cleared, and an address without street, postal code and city is none', () => {
    expect(contactChangesToWire({ address }).address).toEqual({
      street: 'Vesterbrogade 3',
      street2: null,
      postal_code: '1620',
      city: 'København V',
      country: 'DK',
    });
    expect(contactChangesToWire({ address: { street: '', postalCode: ' ', city: '', countryCode: 'DK' } })).toEqual({ address: null });
  });
});
