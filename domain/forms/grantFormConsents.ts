import type { ConsentChannel } from '../consent/ConsentEntry.js';
import { currentConsents } from '../consent/currentConsents.js';
import type { ConsentLog } from '../consent/ports.js';
import { type RecordConsentPorts, recordConsentChanges } from '../consent/recordConsentChanges.js';
import type { DrupalForm } from './DrupalForm.js';
import type { FormSubmission } from './FormSubmission.js';

interface Grant {
  channel: ConsentChannel;
  topic: string;
  text: string;
}

/**
 * [OnlineFundraising15][Permissionsstruktur1] The consents the person gave in this submission are
 * logged, each with the text they agreed to: the boxes they ticked, and (for a submission on the web
 * form, not a row of an imported file) what the form's text says submitting grants. A consent the
 * person withdrew before is left out: signing a petition does not undo an opt-out. An imported
 * (Playable) row grants only what its own columns carry.
 */
export async function grantFormConsents(personId: string, form: DrupalForm, submission: FormSubmission, sourceKind: 'drupal-form' | 'playable-import', ports: RecordConsentPorts & { consentLog: ConsentLog }): Promise<void> {
  const current = currentConsents(await ports.consentLog.entriesOf(personId));
  const declined = ({ channel, topic }: Grant) => current.some((state) => state.channel === channel && (state.topic === topic || state.topic === 'all') && !state.granted);
  const grants = [...(sourceKind === 'drupal-form' ? grantedBySubmitting(form) : []), ...tickedBoxes(form, submission)].filter((grant) => !declined(grant));
  for (const text of new Set(grants.map((grant) => grant.text))) {
    const sameText = grants.filter((grant) => grant.text === text);
    await recordConsentChanges(
      {
        personId,
        eventKey: `${sourceKind}:${submission.formId}:${submission.submissionId}`,
        at: new Date(submission.submittedAt),
        source: { kind: sourceKind, id: submission.formId },
        changes: sameText.map(({ channel, topic }) => ({ channel, topic, action: 'granted' as const })),
        ...(form.campaignCode && { campaignCode: form.campaignCode }),
        consentText: text,
      },
      ports,
    );
  }
}

function grantedBySubmitting(form: DrupalForm): Grant[] {
  const text = form.consentText;
  return text ? form.grantsConsents.map(({ channel, topic }) => ({ channel, topic, text })) : [];
}

function tickedBoxes(form: DrupalForm, submission: FormSubmission): Grant[] {
  return (form.consentBoxes ?? []).filter((box) => isTicked(submission.fields[box.field])).map(({ channel, topic, text }) => ({ channel, topic, text }));
}

/** How Drupal's checkboxes and Playable's columns say "ticked". */
const tickedValues = new Set(['1', 'true', 'yes', 'ja', 'on', 'x', 'checked']);

function isTicked(value: unknown): boolean {
  return typeof value === 'string' && tickedValues.has(value.trim().toLowerCase());
}
