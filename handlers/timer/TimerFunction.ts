/** A timer-triggered function on an NCRONTAB schedule (six fields, seconds first, UTC). */
export interface TimerFunction {
  name: string;
  schedule: string;
  handle(): Promise<void>;
}
