import { z } from 'zod';

/**
 * What Dataverse posts to a webhook: the RemoteExecutionContext of the operation, serialised with
 * PascalCase names and InputParameters as `{ key, value }` pairs. Only what the engine reads is
 * checked; everything else passes.
 */
const inputParameter = z.object({ key: z.string(), value: z.unknown() });

export const remoteExecutionContextSchema = z.looseObject({
  MessageName: z.string().min(1),
  PrimaryEntityName: z.string().min(1),
  PrimaryEntityId: z.string().min(1),
  UserId: z.string().min(1),
  InitiatingUserId: z.string().optional(),
  CorrelationId: z.string().optional(),
  InputParameters: z.array(inputParameter),
});

export type RemoteExecutionContext = z.infer<typeof remoteExecutionContextSchema>;

const entityReference = z.looseObject({ Id: z.string().min(1), LogicalName: z.string().min(1) });

/** A Merge of two contacts: Target is the contact that lives on, SubordinateId the one merged into it. */
export function contactMergeOf(context: RemoteExecutionContext): { survivorId: string; mergedId: string; userId: string } | undefined {
  if (context.MessageName !== 'Merge' || context.PrimaryEntityName !== 'contact') return undefined;
  const target = entityReference.safeParse(parameter(context, 'Target'));
  const subordinate = z.string().min(1).safeParse(parameter(context, 'SubordinateId'));
  if (!target.success || !subordinate.success) return undefined;
  return { survivorId: target.data.Id.toLowerCase(), mergedId: subordinate.data.toLowerCase(), userId: context.InitiatingUserId ?? context.UserId };
}

function parameter(context: RemoteExecutionContext, key: string): unknown {
  return context.InputParameters.find((candidate) => candidate.key === key)?.value;
}
