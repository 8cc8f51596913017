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
  PrimaryEntityId: z.guid('a GUID'),
  UserId: z.guid('a GUID'),
  InitiatingUserId: z.string().optional(),
  CorrelationId: z.string().optional(),
  /** Left out by Dataverse when the message would be over its size limit (header x-ms-dynamics-msg-size-exceeded). */
  InputParameters: z.array(inputParameter).default([]),
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

const guid = z.guid();

/**
 * [NFR-Input] The record ids the engine would act on (Target's Id, SubordinateId), where they are not
 * GUIDs: a webhook naming such a record is refused at once rather than failing in the queue.
 */
export function malformedRecordIds(context: RemoteExecutionContext): { field: string; problem: string }[] {
  const target = parameter(context, 'Target');
  const targetId = target && typeof target === 'object' ? (target as { Id?: unknown }).Id : undefined;
  const subordinateId = parameter(context, 'SubordinateId');
  return [
    ...(targetId !== undefined && !guid.safeParse(targetId).success ? [{ field: 'InputParameters.Target.Id', problem: 'a GUID' }] : []),
    ...(subordinateId !== undefined && !guid.safeParse(subordinateId).success ? [{ field: 'InputParameters.SubordinateId', problem: 'a GUID' }] : []),
  ];
}

function parameter(context: RemoteExecutionContext, key: string): unknown {
  return context.InputParameters.find((candidate) => candidate.key === key)?.value;
}
