import type { Clock } from '../shared/Clock.js';
import type { Logger } from '../shared/Logger.js';
import type { AutomationOutbox, AutomationTriggerStore } from './ports.js';

/**
 * [OnlineFundraising2] Sends every trigger whose window has closed, once: one message per person
 * and kind and window. Sent before it is marked, so a crash in between can at worst send twice.
 */
export async function raiseDueTriggers(ports: { triggers: AutomationTriggerStore; outbox: AutomationOutbox; clock: Clock; logger: Logger }): Promise<number> {
  const now = ports.clock.now().toISOString();
  const due = await ports.triggers.findDue(now, 500);
  for (const { value, etag } of due) {
    await ports.outbox.send(value);
    await ports.triggers.save({ ...value, status: 'raised', raisedAt: now }, etag);
  }
  if (due.length > 0) ports.logger.info('automation triggers raised', { triggers: due.length });
  return due.length;
}
