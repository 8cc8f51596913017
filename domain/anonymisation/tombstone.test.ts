import { describe, expect, it } from 'vitest';
import type { SealedCpr } from '../person/CprVault.js';
import type { Person } from '../person/Person.js';
import type { PersonAnonymisation } from './Anonymisation.js';
import { tombstoneOf } from './tombstone.js';

const sealed = { keyVersion: 'k1', iv: 'aXY=', data: 'ZGF0YQ==', tag: 'dGFn' } as unknown as SealedCpr;
const person: Person = {
  id: 'p-1',
  firstName: 'Ingeborg',
  lastName: 'Qvistgaard',
  emails: ['ingeborg@example.dk'],
  phones: { primary: '+4521436587' },
  rejectedPhones: [{ field: 'secondary', raw: '000' }],
  address: { line1: 'Strandvejen 149', postalCode: '2900', city: 'Hellerup', countryCode: 'DK' },
  cpr: sealed,
  company: { id: 'c-1', name: 'Qvistgaard ApS' },
  campaignCode: 'DON_WEB',
  onlineFundraising: { contactId: 'of-1', updatedAt: '2026-01-01T00:00:00Z' },
  customFields: { kaeledyr: 'Havhest' },
  mappedFields: { birthdate: '1990-01-01' },
  doNotContact: { since: '2026-01-01', reason: 'no-engagement' },
  createdAt: '2020-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const anonymisation = (cprKept: boolean): PersonAnonymisation => ({
  status: 'pending',
  reason: 'persons-request',
  requestedOn: '2026-11-24',
  requestedBy: { kind: 'user', id: 'oid', name: 'Medlemsservice' },
  startedAt: '2026-11-25T10:00:00Z',
  kept: { firstRetainedYear: 2021, cprKept, cprReason: 'x', paymentsKept: 1, paymentsRemoved: 0, signaturesKept: 1 },
  removedPaymentIds: [],
  crmColumns: [],
  onlineFundraisingContactIds: ['of-1'],
  mergedPersonIds: [],
  outside: { onlineFundraising: { status: 'pending' }, crm: { status: 'pending' } },
});

describe('[GDPR1] the tombstone', () => {
  it('[GDPR1] keeps the sealed CPR number only when the retention rule keeps it, and nothing personal either way', () => {
    const kept = tombstoneOf(person, anonymisation(true), new Date('2026-11-25T10:00:00Z'));
    const gone = tombstoneOf(person, anonymisation(false), new Date('2026-11-25T10:00:00Z'));
    expect(kept.cpr).toBe(sealed);
    expect(gone).not.toHaveProperty('cpr');
    for (const tombstone of [kept, gone]) {
      expect(tombstone).toMatchObject({ id: 'p-1', firstName: '', lastName: '', emails: [], phones: {}, rejectedPhones: [], onlineFundraising: { contactId: 'of-1' }, createdAt: '2020-01-01T00:00:00Z' });
      for (const field of ['address', 'company', 'campaignCode', 'customFields', 'mappedFields', 'doNotContact']) expect(tombstone).not.toHaveProperty(field);
      expect(JSON.stringify(tombstone)).not.toMatch(/Ingeborg|Qvistgaard|Strandvejen|Havhest|4521436587|1990-01-01/);
    }
  });
});
