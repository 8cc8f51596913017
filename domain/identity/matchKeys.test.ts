import { describe, expect, it } from 'vitest';
import type { IdentityCandidate } from './IdentityCandidate.js';
import { type MatchRule, defaultMatchRules } from './MatchRule.js';
import { matchKeys } from './matchKeys.js';

const rule = (id: string) => defaultMatchRules.find((candidate) => candidate.id === id)!;
const person = (fields: Partial<IdentityCandidate>): IdentityCandidate => ({ emails: [], phones: [], ...fields });
const shareKey = (matchRule: MatchRule, a: IdentityCandidate, b: IdentityCandidate) => matchKeys(matchRule, a).some((key) => matchKeys(matchRule, b).includes(key));

describe('[CARE-Dedupe] duplicate rules', () => {
  it('[CARE-Dedupe] normalised email: case and surrounding spaces do not matter; a different address does', () => {
    expect(shareKey(rule('email'), person({ emails: [' Jens.Holm@Example.DK '] }), person({ emails: ['jens.holm@example.dk'] }))).toBe(true);
    expect(shareKey(rule('email'), person({ emails: ['jens.holm@example.dk'] }), person({ emails: ['jens.holm@example.com'] }))).toBe(false);
  });

  it('[OnlineFundraising8] E.164 phone: a Danish number with or without +45 and spaces is one number', () => {
    expect(shareKey(rule('phone'), person({ phones: ['22 33 44 55'] }), person({ phones: ['+4522334455'] }))).toBe(true);
    expect(shareKey(rule('phone'), person({ phones: ['0045 22334455'] }), person({ phones: ['+46 70 123 45 67'] }))).toBe(false);
    expect(matchKeys(rule('phone'), person({ phones: ['not a number'] }))).toEqual([]);
  });

  it('[CARE-Dedupe] first name + last name + postcode, case- and accent-insensitive, Danish letters folded', () => {
    const a = person({ firstName: 'Søren', lastName: 'Ærø-Jensen', postalCode: '2200' });
    const b = person({ firstName: 'soren', lastName: 'AERO-JENSEN', postalCode: ' 2200 ' });
    expect(shareKey(rule('name-postcode'), a, b)).toBe(true);
    expect(shareKey(rule('name-postcode'), a, { ...b, postalCode: '2100' })).toBe(false);
  });

  it('[CARE-Dedupe] a candidate missing one of the rule\'s fields has no key under it', () => {
    expect(matchKeys(rule('name-postcode'), person({ firstName: 'Søren', lastName: 'Holm' }))).toEqual([]);
  });

  it('[CARE-Dedupe][KomMed-GDPR] CPR compares the number\'s keyed hash and never indexes a clear number; exact comparison keeps case and accents', () => {
    const lookup = 'ab'.repeat(32);
    expect(shareKey(rule('cpr'), person({ cpr: lookup }), person({ cpr: lookup }))).toBe(true);
    expect(shareKey(rule('cpr'), person({ cpr: lookup }), person({ cpr: 'cd'.repeat(32) }))).toBe(false);
    expect(matchKeys(rule('cpr'), person({ cpr: '0101901234' }))).toEqual([]);
    const exactNames: MatchRule = { id: 'exact-names', description: 'exact', fields: ['firstName', 'lastName'], comparison: 'exact', onMatch: 'review' };
    expect(shareKey(exactNames, person({ firstName: 'Søren', lastName: 'Holm' }), person({ firstName: 'Soren', lastName: 'Holm' }))).toBe(false);
    expect(shareKey(exactNames, person({ firstName: ' Søren', lastName: 'Holm' }), person({ firstName: 'Søren', lastName: 'Holm ' }))).toBe(true);
  });

  it('[CARE-Dedupe] two emails give two keys, so either can match', () => {
    const keys = matchKeys(rule('email'), person({ emails: ['a@example.dk', 'b@example.dk'] }));
    expect(keys).toHaveLength(2);
    expect(shareKey(rule('email'), person({ emails: ['a@example.dk', 'b@example.dk'] }), person({ emails: ['b@example.dk'] }))).toBe(true);
  });
});
