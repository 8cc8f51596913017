import { copenhagenDateOf } from '../shared/copenhagenDate.js';
import { copenhagenInstant, copenhagenTimeOf } from '../shared/startOfCopenhagenDay.js';

/**
 * [CampaignAutomation10] No SMS at night: the instant an SMS due at `now` may go, which is `now`
 * itself outside the quiet hours, else the end of them (Danish wall-clock time).
 */
export function smsMayGoAt(now: Date, quiet: { from: string; until: string }): Date {
  const time = copenhagenTimeOf(now);
  const today = copenhagenDateOf(now);
  const acrossMidnight = quiet.from > quiet.until;
  if (acrossMidnight) {
    if (time >= quiet.from) return copenhagenInstant(nextDate(today), quiet.until);
    if (time < quiet.until) return copenhagenInstant(today, quiet.until);
    return now;
  }
  return time >= quiet.from && time < quiet.until ? copenhagenInstant(today, quiet.until) : now;
}

function nextDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + 1)).toISOString().slice(0, 10);
}
