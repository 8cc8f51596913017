import type { Clock } from '../shared/Clock.js';
import type { Ids } from '../shared/Ids.js';
import { ConcurrencyConflictError } from '../shared/errors.js';
import type { AutomationTrigger, TriggerKind } from './AutomationTrigger.js';
import type { AutomationTriggerStore } from './ports.js';

/** How long events are gathered into one trigger. */
export const triggerWindowMs = 60 * 60 * 1000;
const maxSourceIds = 50;

/**
 * [OnlineFundraising2] Counts a payment event into its person's trigger for the current window.
 * The same source record counts once, so redelivered notifications change nothing.
 */
export async function recordTriggerEvent(
  event: { personId: string; kind: TriggerKind; sourceId: string },
  ports: { triggers: AutomationTriggerStore; ids: Ids; clock: Clock },
): Promise<void> {
  const windowStartMs = Math.floor(ports.clock.now().getTime() / triggerWindowMs) * triggerWindowMs;
  const windowStart = new Date(windowStartMs).toISOString();
  const id = ports.ids.fromKey(`automation-trigger:${event.personId}:${event.kind}:${windowStart}`);
  for (let attempt = 1; attempt <= 5; attempt++) {
    const stored = await ports.triggers.get(id);
    if (stored?.value.sourceIds.includes(event.sourceId)) return;
    const trigger: AutomationTrigger = stored
      ? { ...stored.value, events: stored.value.events + 1, sourceIds: [...stored.value.sourceIds, event.sourceId].slice(0, maxSourceIds) }
      : { id, personId: event.personId, kind: event.kind, windowStart, windowEnd: new Date(windowStartMs + triggerWindowMs).toISOString(), events: 1, sourceIds: [event.sourceId], status: 'open' };
    if ((await ports.triggers.save(trigger, stored?.etag)) === 'saved') return;
  }
  throw new ConcurrencyConflictError(`automation trigger ${id} changed concurrently 5 times in a row`);
}
