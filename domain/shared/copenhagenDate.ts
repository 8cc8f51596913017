const copenhagenCalendar = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The business date (YYYY-MM-DD) in Denmark at an instant. */
export function copenhagenDateOf(instant: Date): string {
  return copenhagenCalendar.format(instant);
}
