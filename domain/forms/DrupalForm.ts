import type { ConsentChannel } from '../consent/ConsentEntry.js';

/** Master data a form may write onto a person who already exists. */
export const overwritableFields = ['firstName', 'lastName', 'email', 'phone', 'address'] as const;
export type OverwritableField = (typeof overwritableFields)[number];

export const formKinds = ['petition', 'newsletter', 'contact'] as const;

/**
 * [OnlineFundraising15][Leadflow] What one Drupal webform does, kept as data staff change through
 * the admin API. A field not in `overwritableFields` is only filled in where the person has none
 * (so names are never overwritten unless listed).
 */
export interface DrupalForm {
  /** The webform's machine name in Drupal, e.g. "petition_klima". */
  formId: string;
  kind: (typeof formKinds)[number];
  campaignCode?: string;
  /** Set on a petition form: every submission is a signature of this petition. */
  petitionId?: string;
  /** Every person who submits the form joins this marketing list. */
  marketingList?: string;
  overwritableFields: OverwritableField[];
  /** Consents the form's text grants, unless the person withdrew them before. */
  grantsConsents: { channel: ConsentChannel; topic: string }[];
  /** The consent text as the form shows it, logged with every consent it grants. */
  consentText?: string;
}

export interface DrupalFormTable {
  id: typeof drupalFormsId;
  forms: DrupalForm[];
  updatedAt: string;
}

export const drupalFormsId = 'drupal-forms';

/** Signing on ms.dk grants email, SMS and phone consent: the petition forms start from this. */
export const petitionConsents: DrupalForm['grantsConsents'] = [
  { channel: 'email', topic: 'all' },
  { channel: 'sms', topic: 'all' },
  { channel: 'phone', topic: 'all' },
];
