import { type ProjectionPorts, projectMirrorToCrm } from '../../domain/projection/projectMirrorToCrm.js';
import type { TimerFunction } from './TimerFunction.js';

/** Records taken per round; the writer splits them into $batch requests. */
const recordsPerRound = 500;
/** Stop before the next tick is due, leaving the rest to it. */
const maxRounds = 20;

/**
 * [OnlineFundraising2][NFR-Throttle] Every 10 seconds: write what changed in the mirror to the
 * CRM. Everything that changed between two ticks is coalesced into one write per record.
 */
export function crmProjectorFunction(ports: ProjectionPorts): TimerFunction {
  return {
    name: 'crmProjector',
    schedule: '*/10 * * * * *',
    handle: async () => {
      for (let round = 1; round <= maxRounds; round++) {
        const result = await projectMirrorToCrm(ports, { maxRecords: recordsPerRound });
        if (result.pending < recordsPerRound) return;
      }
    },
  };
}
