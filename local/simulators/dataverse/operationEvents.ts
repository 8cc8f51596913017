import type { XrmEntity } from './executionContext.js';

/**
 * What a write did, for the webhooks registered on its message: recorded while a request runs and
 * sent once it has succeeded (the operations of a `$batch` change set only when the change set is
 * kept).
 */
export type OperationEvent = UpdateEvent | MergeEvent;

/** An existing row was updated (PATCH, upsert included); `target` holds the columns the request wrote. */
export interface UpdateEvent {
  message: 'Update';
  /** Logical name of the table ("contact"). */
  entity: string;
  id: string;
  target: XrmEntity;
}

/** `subordinateId` was merged into `id`. */
export interface MergeEvent {
  message: 'Merge';
  entity: string;
  id: string;
  subordinateId: string;
  updateContent: XrmEntity;
  performParentingChecks: boolean;
}

export type OperationEventSink = (event: OperationEvent) => void;
