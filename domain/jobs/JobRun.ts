/**
 * One run of a scheduled job (dunning groups, dataset export, …): when, how long, how far it got,
 * what it counted, and how it ended. Instants are UTC, ISO 8601; `forDate` is the business date the
 * run is for.
 */
export interface JobRun {
  id: string;
  job: string;
  forDate: string;
  trigger: 'schedule' | 'staff';
  requestedBy?: string;
  /** What this run is for, when the job takes parameters (e.g. the segment an anonymisation run works through). */
  parameters?: Record<string, string>;
  status: 'queued' | 'running' | 'completed' | 'failed';
  queuedAt: string;
  startedAt?: string;
  finishedAt?: string;
  durationMs?: number;
  progress?: { done: number; total?: number; unit: string };
  counts?: Record<string, number>;
  error?: string;
  attempts: number;
}

/** A job the engine can run: its work, reporting progress, answering with its counts. */
export interface Job {
  name: string;
  description: string;
  run(context: JobContext): Promise<Record<string, number>>;
}

export interface JobContext {
  run: JobRun;
  /** Stores how far the run got (at most every few seconds is enough). */
  progress(done: number, unit: string, total?: number): Promise<void>;
}
