import { type ReindexPorts, reindexPersons } from '../../domain/identity/reindexPersons.js';
import type { TimerFunction } from './TimerFunction.js';

/** [CARE-Dedupe] Every minute: if the duplicate rules changed, index up to 20,000 more persons under them. */
export function identityReindexFunction(ports: ReindexPorts): TimerFunction {
  return {
    name: 'identityReindex',
    schedule: '0 * * * * *',
    handle: async () => {
      await reindexPersons(ports, { maxPersons: 20_000 });
    },
  };
}
