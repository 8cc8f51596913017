import { type FaultRule, FaultInjector } from './faults.js';
import { type LoggedRequest, RequestLog } from './requestLog.js';

/** What every simulator's control has: its fault rules, its request log, and a way back to the start. */
export abstract class SimulatorControlBase {
  readonly faults = new FaultInjector();
  readonly log = new RequestLog();

  injectFault(rule: FaultRule): void {
    this.faults.add(rule);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** The requests answered so far (not the /_sim/ ones), oldest first. */
  requests(): LoggedRequest[] {
    return this.log.all();
  }

  clearRequests(): void {
    this.log.clear();
  }

  /** Back to how the simulator started; what it keeps is the simulator's to say. */
  abstract reset(): void;
}
