import { describe, expect, it } from 'vitest';
import type { Person } from '../person/Person.js';
import { classificationOf, personRow } from './personRow.js';

const person = (supporterKind?: Person['supporterKind']): Person => ({
  id: 'p1',
  firstName: 'Karen',
  lastName: 'Blixen',
  emails: ['karen@example.dk'],
  phones: { primary: '+4531313131' },
  rejectedPhones: [],
  address: { line1: 'Vestergade 1', postalCode: '8000', city: 'Aarhus C', countryCode: 'DK' },
  cpr: { keyVersion: 'k1', ciphertext: 'c2VhbGVk', lookup: 'a'.repeat(64) },
  ...(supporterKind && { supporterKind }),
  createdAt: '2026-03-31T22:30:00Z',
  updatedAt: '2026-03-31T22:30:00Z',
});

describe('[Rapportering2] the people classification', () => {
  it('[Rapportering2] agreements decide first; a signature makes a signer only of someone who gives nothing; the rest are leads', () => {
    const signers = new Set(['p1']);
    expect(classificationOf(person('member'), signers)).toBe('member');
    expect(classificationOf(person('member_with_regular_support'), signers)).toBe('member_with_regular_support');
    expect(classificationOf(person('regular_supporter'), signers)).toBe('regular_supporter');
    expect(classificationOf(person('one_off_donor'), signers)).toBe('one_off_donor');
    expect(classificationOf(person('none'), signers)).toBe('signer');
    expect(classificationOf(person(), signers)).toBe('signer');
    expect(classificationOf(person('none'), new Set())).toBe('lead');
  });

  it('[Rapportering1] a people row has postcode, municipality and consents but no name, contact details or CPR; first seen is the Danish date', () => {
    const row = personRow(person('member'), {
      signers: new Set(),
      joined: new Map([['p1', { memberSince: '2020-05-01' }]]),
      consentLogs: new Map([['p1', [{ id: 'e', personId: 'p1', at: '2026-01-01T10:00:00Z', recordedAt: '', channel: 'email', topic: 'all', action: 'granted', source: { kind: 'staff' } }]]]),
      municipalityOfPostcode: new Map([['8000', 'Aarhus']]),
    });
    expect(row).toEqual({
      person_id: 'p1',
      classification: 'member',
      first_seen: '2026-04-01',
      member_since: '2020-05-01',
      regular_supporter_since: null,
      campaign_of_origin: null,
      consent_email: true,
      consent_sms: false,
      consent_phone: false,
      consent_post: false,
      postcode: '8000',
      municipality: 'Aarhus',
      country: 'DK',
      is_company: false,
    });
    expect(JSON.stringify(row)).not.toMatch(/Karen|Blixen|example\.dk|31313131|Vestergade|0101701234/);
  });
});
