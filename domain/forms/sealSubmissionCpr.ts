import { type CprVault, type SealedCpr, sealCprNumber } from '../person/CprVault.js';
import type { DrupalForm } from './DrupalForm.js';
import type { FormSubmission } from './FormSubmission.js';

/**
 * [CampaignAutomation7][KomMed-GDPR] The first thing done with a form submission: the form's CPR field
 * (`cprField`, when the form asks for one) is checked and sealed, and taken out of the submission,
 * so the number is never kept in clear in the stored submission, a parked review or a log. A value
 * that is no CPR number is dropped; `problem` says why (never the value).
 */
export function sealSubmissionCpr(form: Pick<DrupalForm, 'cprField'>, submission: FormSubmission, vault: CprVault): { submission: FormSubmission; cpr?: SealedCpr; problem?: string } {
  if (!form.cprField || !(form.cprField in submission.fields)) return { submission };
  const { [form.cprField]: typed, ...fields } = submission.fields;
  const safe = { ...submission, fields };
  if (!typed?.trim()) return { submission: safe };
  const sealed = sealCprNumber(typed, vault);
  return sealed.ok ? { submission: safe, cpr: sealed.sealed } : { submission: safe, problem: sealed.problem };
}
