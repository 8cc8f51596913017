const copenhagenOffset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', timeZoneName: 'longOffset' });

/** The instant a business date (YYYY-MM-DD, Europe/Copenhagen) begins: midnight in Denmark. */
export function startOfCopenhagenDay(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const midnightUtc = Date.UTC(year!, month! - 1, day!);
  // Denmark changes clocks at 01:00 UTC, never near its own midnight, so the offset in force at
  // 00:00 UTC on that date is the one in force at Danish midnight.
  return new Date(midnightUtc - offsetMinutesAt(new Date(midnightUtc)) * 60_000);
}

function offsetMinutesAt(instant: Date): number {
  const zoneName = copenhagenOffset.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(zoneName);
  if (!match) return 0; // "GMT": no offset
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}
