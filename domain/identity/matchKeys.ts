import { toE164 } from '../person/phoneNumber.js';
import type { IdentityCandidate } from './IdentityCandidate.js';
import type { Comparison, MatchField, MatchRule } from './MatchRule.js';

/**
 * The index keys a candidate has under a rule: one per combination of its values (two emails give
 * two keys). Two candidates match under the rule exactly when they share a key. A candidate
 * lacking one of the rule's fields has no key under it.
 */
export function matchKeys(rule: MatchRule, candidate: IdentityCandidate): string[] {
  let combinations: string[][] = [[]];
  for (const field of rule.fields) {
    const values = [...new Set(valuesOf(candidate, field).map((value) => compareForm(field, value, rule.comparison)))].filter(
      (value): value is string => value !== undefined && value !== '',
    );
    combinations = combinations.flatMap((combination) => values.map((value) => [...combination, value]));
  }
  return combinations.map((values) => JSON.stringify([rule.id, ...values]));
}

/** The rule a key was made by. */
export function ruleIdOfKey(key: string): string {
  return (JSON.parse(key) as string[])[0] ?? '';
}

function valuesOf(candidate: IdentityCandidate, field: MatchField): string[] {
  switch (field) {
    case 'email':
      return candidate.emails;
    case 'phone':
      return candidate.phones;
    default: {
      const value = candidate[field];
      return value === undefined ? [] : [value];
    }
  }
}

function compareForm(field: MatchField, value: string, comparison: Comparison): string | undefined {
  const trimmed = value.trim();
  if (comparison === 'exact') return trimmed;
  const normalised = normalise(field, trimmed);
  return comparison === 'caseAndAccentInsensitive' && normalised !== undefined ? foldAccents(normalised) : normalised;
}

function normalise(field: MatchField, value: string): string | undefined {
  switch (field) {
    case 'email':
      return value.toLowerCase();
    case 'phone':
      return toE164(value);
    case 'postalCode':
      return value.replace(/\s+/g, '').toUpperCase();
    case 'cpr':
      // Candidates carry the CPR number's keyed hash only, so the index never holds the number.
      return /^[0-9a-f]{64}$/.test(value) ? value : undefined;
    case 'firstName':
    case 'lastName':
      return value.replace(/\s+/g, ' ').toLowerCase();
  }
}

/** Danish letters that Unicode does not decompose are folded by hand: ø → o, æ → ae. */
function foldAccents(value: string): string {
  return value
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}
