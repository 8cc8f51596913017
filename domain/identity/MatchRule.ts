/**
 * [CARE-Dedupe][OnlineFundraising13] A duplicate rule, kept as data that staff redefine through the
 * admin API: two people are the same when every one of `fields` agrees under `comparison`. A hit
 * on a `merge` rule attaches incoming data to the person found; a hit on a `review` rule (or more
 * than one person found) opens a case for a person to decide.
 */
export interface MatchRule {
  /** Short stable name, e.g. "email"; part of every index key the rule makes. */
  id: string;
  description: string;
  fields: MatchField[];
  comparison: Comparison;
  onMatch: 'merge' | 'review';
}

export const matchFields = ['email', 'phone', 'firstName', 'lastName', 'postalCode', 'cpr'] as const;
export type MatchField = (typeof matchFields)[number];

/**
 * - `exact`: the value as entered, only trimmed.
 * - `normalised`: each field's canonical form: email lower-cased, phone as E.164 (a Danish number
 *   with or without +45), names with single spaces and lower-cased, postcode without spaces, CPR
 *   as its ten digits.
 * - `caseAndAccentInsensitive`: normalised, and accents and Danish letters folded (Søren = Soren,
 *   Ærø = Aero, José = Jose).
 */
export const comparisons = ['exact', 'normalised', 'caseAndAccentInsensitive'] as const;
export type Comparison = (typeof comparisons)[number];

export interface MatchRuleTable {
  id: typeof matchRulesId;
  rules: MatchRule[];
  updatedAt: string;
}

export const matchRulesId = 'match-rules';

/**
 * The rules the engine starts with (README, "Duplicate rules"). Email, mobile number and CPR each
 * identify one person, so they merge automatically ([OnlineFundraising8]: an inbound SMS matched on
 * phone merges). Name and postcode alone can be two people (a parent and child), so a person decides.
 */
export const defaultMatchRules: MatchRule[] = [
  { id: 'email', description: 'Same email address', fields: ['email'], comparison: 'normalised', onMatch: 'merge' },
  { id: 'phone', description: 'Same phone number (E.164)', fields: ['phone'], comparison: 'normalised', onMatch: 'merge' },
  { id: 'cpr', description: 'Same CPR number', fields: ['cpr'], comparison: 'normalised', onMatch: 'merge' },
  {
    id: 'name-postcode',
    description: 'Same first name, last name and postcode, ignoring case and accents',
    fields: ['firstName', 'lastName', 'postalCode'],
    comparison: 'caseAndAccentInsensitive',
    onMatch: 'review',
  },
];
