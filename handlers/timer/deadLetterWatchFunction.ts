import type { DeadLetterStore } from '../../domain/deadletters/ports.js';
import type { Logger } from '../../domain/shared/Logger.js';
import type { TimerFunction } from './TimerFunction.js';

/** Every 15 minutes: warn (an alert rule in Azure picks it up) while dead letters wait for someone. */
export function deadLetterWatchFunction(deps: { deadLetters: DeadLetterStore; logger: Logger }): TimerFunction {
  return {
    name: 'deadLetterWatch',
    schedule: '0 */15 * * * *',
    handle: async () => {
      const waiting = await deps.deadLetters.countByStatus('dead');
      if (waiting > 0) deps.logger.warn('dead letters are waiting for replay', { deadLetters: waiting });
    },
  };
}
