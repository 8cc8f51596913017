/**
 * [CampaignAutomation9][OnlineFundraising1] A Danish CPR number: ten digits, the first six a real date
 * (DDMMYY) whose century follows from the seventh digit, as CPR-kontoret defines it. The modulus-11
 * check is not applied: numbers issued since 2007 need not pass it.
 */
export type CprCheck = { ok: true; cpr: string } | { ok: false; problem: string };

export function checkCprNumber(text: string): CprCheck {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return { ok: false, problem: 'a CPR number is 10 digits (DDMMYY-SSSS)' };
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const year = centuryOf(Number(digits.slice(4, 6)), Number(digits[6])) + Number(digits.slice(4, 6));
  if (!isRealDate(year, month, day)) return { ok: false, problem: `the CPR number's date ${digits.slice(0, 2)}.${digits.slice(2, 4)}.${year} does not exist` };
  return { ok: true, cpr: digits };
}

/** The century of a CPR number's birth year, from its two-digit year and the first digit of its serial. */
function centuryOf(twoDigitYear: number, seventhDigit: number): number {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return twoDigitYear <= 36 ? 2000 : 1900;
  return twoDigitYear <= 57 ? 2000 : 1800;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
