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
  /**
   * Consents submitting the form grants by itself (a newsletter signup), only where the form's text
   * says so: they need `consentText`. Unless the person withdrew them before.
   */
  grantsConsents: { channel: ConsentChannel; topic: string }[];
  /** The text that says what submitting grants, logged with each of `grantsConsents`. */
  consentText?: string;
  /** The consent boxes on the form: a ticked box grants its consent, logged with the box's own text. */
  consentBoxes?: ConsentBox[];
  /** [CampaignAutomation7] The field where the form asks for the CPR number (for the tax deduction); sealed on arrival. */
  cprField?: string;
}

/** [Permissionsstruktur1] A box the person may tick: the submission (or import column) `field` and what it grants. */
export interface ConsentBox {
  field: string;
  channel: ConsentChannel;
  topic: string;
  /** The box's text as the person saw it. */
  text: string;
}

export interface DrupalFormTable {
  id: typeof drupalFormsId;
  forms: DrupalForm[];
  updatedAt: string;
}

export const drupalFormsId = 'drupal-forms';
