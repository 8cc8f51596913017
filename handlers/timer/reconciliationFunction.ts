import { type ReconciliationPorts, reconcileOnlineFundraising } from '../../domain/reconciliation/reconcileOnlineFundraising.js';
import type { TimerFunction } from './TimerFunction.js';

/** Every 15 minutes: re-queue what OF changed that the engine missed. */
export function reconciliationFunction(ports: ReconciliationPorts): TimerFunction {
  return {
    name: 'onlineFundraisingReconciliation',
    schedule: '0 */15 * * * *',
    handle: async () => {
      await reconcileOnlineFundraising(ports);
    },
  };
}
