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

/** The instant a wall-clock time (HH:MM) on a business date is in Denmark. */
export function copenhagenInstant(date: string, time: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wallClockAsUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!);
  const guess = wallClockAsUtc - offsetMinutesAt(new Date(wallClockAsUtc)) * 60_000;
  // Near a clock change the offset at the guess can differ from the one at the wall-clock reading.
  return new Date(wallClockAsUtc - offsetMinutesAt(new Date(guess)) * 60_000);
}

const copenhagenClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The wall-clock time (HH:MM) in Denmark at an instant. */
export function copenhagenTimeOf(instant: Date): string {
  return copenhagenClock.format(instant);
}
