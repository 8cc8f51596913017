import { currentConsents } from '../consent/currentConsents.js';
import type { ConsentLog } from '../consent/ports.js';
import { type RecordConsentPorts, recordConsentChanges } from '../consent/recordConsentChanges.js';
import type { DrupalForm } from './DrupalForm.js';
import type { FormSubmission } from './FormSubmission.js';

/**
 * [OnlineFundraising15][Permissionsstruktur1] The consents a form's text grants are logged for the
 * person, except those the person withdrew before: signing a petition does not undo an opt-out.
 */
export async function grantFormConsents(personId: string, form: DrupalForm, submission: FormSubmission, sourceKind: 'drupal-form' | 'playable-import', ports: RecordConsentPorts & { consentLog: ConsentLog }): Promise<void> {
  const current = currentConsents(await ports.consentLog.entriesOf(personId));
  const declined = (channel: string, topic: string) => current.some((state) => state.channel === channel && (state.topic === topic || state.topic === 'all') && !state.granted);
  const changes = form.grantsConsents.filter(({ channel, topic }) => !declined(channel, topic)).map((grant) => ({ ...grant, action: 'granted' as const }));
  if (changes.length === 0) return;
  await recordConsentChanges(
    {
      personId,
      eventKey: `${sourceKind}:${submission.formId}:${submission.submissionId}`,
      at: new Date(submission.submittedAt),
      source: { kind: sourceKind, id: submission.formId },
      changes,
      ...(form.campaignCode && { campaignCode: form.campaignCode }),
      ...(form.consentText && { consentText: form.consentText }),
    },
    ports,
  );
}
