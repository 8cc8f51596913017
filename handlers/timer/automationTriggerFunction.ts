import { raiseDueTriggers } from '../../domain/automation/raiseDueTriggers.js';
import type { AutomationOutbox, AutomationTriggerStore } from '../../domain/automation/ports.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Logger } from '../../domain/shared/Logger.js';
import type { TimerFunction } from './TimerFunction.js';

/** Every 5 minutes: send the automation triggers whose window has closed (one per person and kind). */
export function automationTriggerFunction(ports: { triggers: AutomationTriggerStore; outbox: AutomationOutbox; clock: Clock; logger: Logger }): TimerFunction {
  return {
    name: 'automationTriggers',
    schedule: '0 */5 * * * *',
    handle: async () => {
      await raiseDueTriggers(ports);
    },
  };
}
