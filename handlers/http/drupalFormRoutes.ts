import { Hono } from 'hono';
import { z } from 'zod';
import { consentChannels } from '../../domain/consent/ConsentEntry.js';
import { formKinds, overwritableFields } from '../../domain/forms/DrupalForm.js';
import { currentDrupalForms, replaceDrupalForms } from '../../domain/forms/drupalForms.js';
import type { DrupalFormStore } from '../../domain/forms/ports.js';
import { formConsentProblems } from '../../domain/forms/formConsentProblems.js';
import { currentConsentTopics } from '../../domain/consent/consentTopics.js';
import type { ConsentTopicStore } from '../../domain/consent/ports.js';
import type { Clock } from '../../domain/shared/Clock.js';
import { parseJsonBody } from './parseJsonBody.js';
import { invalidRequest, problem } from './problem.js';

const form = z
  .object({
    formId: z.string().regex(/^[a-z0-9_]{1,64}$/, 'a webform machine name: lower case a-z, 0-9 and _'),
    kind: z.enum(formKinds),
    campaignCode: z.string().min(1).max(100).optional(),
    petitionId: z.string().min(1).max(100).optional(),
    marketingList: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a list name: lower case a-z, 0-9 and -').optional(),
    overwritableFields: z.array(z.enum(overwritableFields)),
    cprField: z.string().min(1).max(100).optional(),
    grantsConsents: z.array(z.object({ channel: z.enum(consentChannels), topic: z.string().min(1).max(40) })).default([]),
    consentText: z.string().min(1).max(4000).optional(),
    consentBoxes: z
      .array(z.object({ field: z.string().regex(/^[a-z0-9_]{1,64}$/, 'a field machine name: lower case a-z, 0-9 and _'), channel: z.enum(consentChannels), topic: z.string().min(1).max(40), text: z.string().min(1).max(4000) }))
      .max(20)
      .optional(),
  })
  .refine((candidate) => candidate.kind !== 'petition' || candidate.petitionId !== undefined, { message: 'a petition form names its petition', path: ['petitionId'] })
  // [Permissionsstruktur1] Submitting grants a consent only where the form's text says so.
  .refine((candidate) => candidate.grantsConsents.length === 0 || candidate.consentText !== undefined, { message: 'consents granted by submitting need the text that says so', path: ['consentText'] });

export const formsBody = z.object({
  forms: z
    .array(form)
    .max(500)
    .refine((forms) => new Set(forms.map((candidate) => candidate.formId)).size === forms.length, 'each form once'),
});

/** [OnlineFundraising15] GET/PUT /admin/drupal-forms: what each Drupal webform does, changed without a deploy. */
export function drupalFormRoutes(deps: { drupalForms: DrupalFormStore; consentTopics: ConsentTopicStore; clock: Clock }): Hono {
  return new Hono()
    .get('/', async (c) => c.json(await currentDrupalForms(deps)))
    .put('/', async (c) => {
      const body = formsBody.safeParse(parseJsonBody(await c.req.text()));
      if (!body.success) return invalidRequest(c, body.error);
      const fields = formConsentProblems(body.data.forms, (await currentConsentTopics(deps)).topics);
      if (fields.length > 0) return problem(c, 400, 'unknown_consent_topic', 'a form grants a consent on a topic that is not offered on its channel', fields);
      return c.json(await replaceDrupalForms(body.data.forms, deps));
    });
}
