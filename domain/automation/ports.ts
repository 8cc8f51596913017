import type { Versioned } from '../person/ports.js';
import type { AutomationTrigger } from './AutomationTrigger.js';

/** Port: the aggregated triggers. Writes are conditional. */
export interface AutomationTriggerStore {
  get(id: string): Promise<Versioned<AutomationTrigger> | null>;
  /** Without `etag` only creates; with it replaces only if unchanged since. */
  save(trigger: AutomationTrigger, etag?: string): Promise<'saved' | 'stale'>;
  /** Open triggers whose window ended at or before `now`, at most `limit`. */
  findDue(now: string, limit: number): Promise<Versioned<AutomationTrigger>[]>;
}

/** Port: where raised triggers go for the automations to pick up. */
export interface AutomationOutbox {
  send(trigger: AutomationTrigger): Promise<void>;
}
