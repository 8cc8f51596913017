import { wholeChannel } from '../consent/ConsentEntry.js';
import type { ConsentTopic } from '../consent/ConsentTopic.js';
import type { DrupalForm } from './DrupalForm.js';

/** Consents a form would grant on a topic the topics table does not offer on that channel, by field. */
export function formConsentProblems(forms: DrupalForm[], topics: ConsentTopic[]): { field: string; problem: string }[] {
  return forms.flatMap((form, formIndex) =>
    form.grantsConsents.flatMap(({ channel, topic }, consentIndex) => {
      if (topic === wholeChannel) return [];
      const known = topics.find((candidate) => candidate.id === topic);
      if (known?.channels.includes(channel)) return [];
      const problem = known ? `topic "${topic}" is not offered by ${channel}` : `no consent topic "${topic}"`;
      return [{ field: `forms.${formIndex}.grantsConsents.${consentIndex}.topic`, problem }];
    }),
  );
}
