import { type ProjectionPorts, projectMirrorToCrm } from '../../domain/projection/projectMirrorToCrm.js';
import type { TimerFunction } from './TimerFunction.js';

/** Records taken per round; the writer splits them into $batch requests. */
const recordsPerRound = 500;
/**
 * While rounds come back full there is a backlog (payment day): keep writing rather than idle until
 * the next tick, but hand over well within the Functions timeout. A timer function runs as a
 * singleton, so the next tick simply starts after this one.
 */
const maxRunMs = 4 * 60_000;

/**
 * [OnlineFundraising2][NFR-Throttle] Every 10 seconds: write what changed in the mirror to the
 * CRM. Everything that changed between two rounds is coalesced into one write per record.
 */
export function crmProjectorFunction(ports: ProjectionPorts): TimerFunction {
  return {
    name: 'crmProjector',
    schedule: '*/10 * * * * *',
    handle: async () => {
      const startedMs = ports.clock.now().getTime();
      for (;;) {
        const result = await projectMirrorToCrm(ports, { maxRecords: recordsPerRound });
        if (result.pending < recordsPerRound) return;
        if (ports.clock.now().getTime() - startedMs >= maxRunMs) return;
      }
    },
  };
}
