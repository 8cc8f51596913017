import type { MirrorRecord } from '../mirror/MirrorRecord.js';
import type { TriggerKind } from './AutomationTrigger.js';

/** The trigger a change of a mirrored record raises, if any: a status it newly reached. */
export function triggerKindFor(before: MirrorRecord | undefined, after: MirrorRecord): TriggerKind | undefined {
  const status = statusOf(after);
  if (!status || (before && statusOf(before) === status)) return undefined;
  const kinds: Record<string, TriggerKind | undefined> = {
    'payment:confirmed': 'payment_confirmed',
    'payment:failed': 'payment_failed',
    'payment:rejected': 'payment_rejected',
    'payment:refunded': 'payment_refunded',
    'payment_method:rejected': 'payment_method_rejected',
    'payment_method:cancelled': 'payment_method_cancelled',
    'subscription:cancelled': 'subscription_cancelled',
  };
  return kinds[`${after.entity}:${status}`];
}

function statusOf(record: MirrorRecord): string | undefined {
  return 'status' in record.record ? record.record.status : undefined;
}
