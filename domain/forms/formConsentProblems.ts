import { type ConsentChannel, wholeChannel } from '../consent/ConsentEntry.js';
import type { ConsentTopic } from '../consent/ConsentTopic.js';
import type { DrupalForm } from './DrupalForm.js';

/** Consents a form would grant (by submitting or by a box) on a topic the topics table does not offer on that channel, by field. */
export function formConsentProblems(forms: DrupalForm[], topics: ConsentTopic[]): { field: string; problem: string }[] {
  const problemOf = ({ channel, topic }: { channel: ConsentChannel; topic: string }): string | undefined => {
    if (topic === wholeChannel) return undefined;
    const known = topics.find((candidate) => candidate.id === topic);
    if (known?.channels.includes(channel)) return undefined;
    return known ? `topic "${topic}" is not offered by ${channel}` : `no consent topic "${topic}"`;
  };
  return forms.flatMap((form, formIndex) =>
    (['grantsConsents', 'consentBoxes'] as const).flatMap((list) =>
      (form[list] ?? []).flatMap((consent, consentIndex) => {
        const problem = problemOf(consent);
        return problem ? [{ field: `forms.${formIndex}.${list}.${consentIndex}.topic`, problem }] : [];
      }),
    ),
  );
}
