import { z } from 'zod';
import { crmContactChangeKind } from '../../domain/person/acceptCrmContactChange.js';
import { type CrmChangePorts, applyCrmContactChange } from '../../domain/person/applyCrmContactChange.js';
import type { QueueFunction } from './QueueFunction.js';
import { queueNames } from './queueNames.js';
import { type FailureTrackingDeps, withFailureTracking } from './withFailureTracking.js';

const text = z.string();
const nullableText = z.string().nullable();
const crmContactChangeWorkItem = z.object({
  messageId: z.string().min(1),
  kind: z.literal(crmContactChangeKind),
  body: z.object({
    personId: z.string().min(1),
    changedBy: z.string().min(1),
    changes: z.object({
      firstName: text.optional(),
      lastName: text.optional(),
      email: nullableText.optional(),
      secondaryEmail: nullableText.optional(),
      phone: nullableText.optional(),
      secondaryPhone: nullableText.optional(),
      address: z
        .object({ street: text.optional(), street2: text.optional(), postalCode: text.optional(), city: text.optional(), countryCode: text.optional() })
        .nullable()
        .optional(),
    }),
    readFromCrm: z.boolean().optional(),
  }),
  enqueuedAt: z.string(),
});

/** [OnlineFundraising12] Applies queued master-data changes made by staff in the CRM. */
export function crmContactChangesFunction(deps: CrmChangePorts & FailureTrackingDeps): QueueFunction {
  const queueName = queueNames.crmContactChanges;
  return {
    name: 'crmContactChanges',
    queueName,
    handle: withFailureTracking(
      queueName,
      async (message) => {
        const { body } = crmContactChangeWorkItem.parse(message);
        await applyCrmContactChange(body as Parameters<typeof applyCrmContactChange>[0], deps);
      },
      deps,
    ),
  };
}
