import type { Person } from '../../domain/person/Person.js';

/** Test data: a person as the engine holds one after reading an OnlineFundraising contact. */
export function aPerson(overrides: Partial<Person> = {}): Person {
  return {
    id: '5d1c2a9e-7c1f-4a51-9a0e-000000000001',
    firstName: 'Karen',
    lastName: 'Jensen',
    emails: ['karen@example.dk', 'kj@work.example.dk'],
    phones: { primary: '+4512345678', secondary: '+4587654321' },
    rejectedPhones: [],
    address: { line1: 'Fælledvej 12', line2: '2. tv.', postalCode: '2200', city: 'København N', countryCode: 'DK' },
    campaignCode: 'SOMMER24',
    onlineFundraising: { contactId: 'of-contact-81', updatedAt: '2024-06-01T08:30:00Z' },
    createdAt: '2024-06-01T08:31:00.000Z',
    updatedAt: '2024-06-01T08:31:00.000Z',
    ...overrides,
  };
}

export function aCompanyPerson(overrides: Partial<Person> = {}): Person {
  return aPerson({
    id: '5d1c2a9e-7c1f-4a51-9a0e-000000000002',
    company: { id: 'c0c0c0c0-7c1f-4a51-9a0e-000000000002', name: 'Jensen Tømrer ApS', cvr: '12345678' },
    ...overrides,
  });
}
