import { z } from 'zod';
import { importedSubmissionKind } from '../../domain/forms/importSubmissions.js';
import type { DrupalFormStore } from '../../domain/forms/ports.js';
import { type FormSubmissionPorts } from '../../domain/forms/processFormSubmission.js';
import { processImportedSubmission } from '../../domain/forms/processImportedSubmission.js';
import type { QueueFunction } from './QueueFunction.js';
import { queueNames } from './queueNames.js';
import { type FailureTrackingDeps, withFailureTracking } from './withFailureTracking.js';

const importedSubmissionWorkItem = z.object({
  messageId: z.string().min(1),
  kind: z.literal(importedSubmissionKind),
  body: z.object({ formId: z.string().min(1), submissionId: z.string().min(1), submittedAt: z.iso.datetime({ offset: true }), fields: z.record(z.string(), z.string()) }),
  enqueuedAt: z.string(),
});

/** [OnlineFundraising15] Processes queued rows of imported signature files. */
export function formImportsFunction(deps: FormSubmissionPorts & { drupalForms: DrupalFormStore } & FailureTrackingDeps): QueueFunction {
  const queueName = queueNames.formImports;
  return {
    name: 'formImports',
    queueName,
    handle: withFailureTracking(
      queueName,
      async (message) => {
        const { body } = importedSubmissionWorkItem.parse(message);
        await processImportedSubmission(body, deps);
      },
      deps,
    ),
  };
}
