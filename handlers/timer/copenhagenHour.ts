const copenhagenHourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' });

/**
 * The hour of the day in Denmark. Timers on Azure's Linux plans run in UTC (WEBSITE_TIME_ZONE is
 * not honoured there), so a daily job fires in both UTC hours that can be its Danish hour and goes
 * on only in the right one, whether summer time is in force or not.
 */
export function copenhagenHour(instant: Date): number {
  return Number(copenhagenHourFormat.format(instant));
}
