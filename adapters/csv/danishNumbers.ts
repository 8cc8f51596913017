/** An amount read into integer øre, or why it could not be. */
export type AmountReading = { ore: number } | { problem: string };

const spaces = '[ \\u00A0\\u202F]';
const plainDigits = '\\d+';
const spaceGrouped = `\\d{1,3}(?:${spaces}\\d{3})+`;
const dotGrouped = `\\d{1,3}(?:\\.\\d{3})+`;

/** "1.234,50", "1 234,50", "1234,50", "250": a decimal comma, dots or spaces between thousands. */
const commaDecimal = new RegExp(`^(${plainDigits}|${spaceGrouped}|${dotGrouped})(?:,(\\d+))?$`);
/** "1234.50", "1 234.5": a dot followed by 1–2 digits, and no comma, is a decimal point. */
const pointDecimal = new RegExp(`^(${plainDigits}|${spaceGrouped})\\.(\\d{1,2})$`);
/** "1.234" could be 1234 kr. (Danish) or 1,234 kr. (English): refused. */
const oneDotThreeDigits = /^\d{1,3}\.\d{3}$/;
/** "12.345", "1234.500": a decimal point with too many decimals. */
const pointTooManyDecimals = /^\d+\.\d{3,}$/;

const currency = /^(?:kr\.?|dkk)\s*|\s*(?:kr\.?|dkk)$/gi;

/**
 * Reads an amount as finance and the banks write it into integer øre: "1.234,50", "1 234,50",
 * "1234,50", "-250,00", "250", "1234.50" (a dot followed by exactly 1–2 digits and no comma is a
 * decimal point), with an optional "kr."/"DKK" before or after, and spaces or non-breaking spaces
 * between thousands. Refuses, with the reason, anything ambiguous ("1.234"; "1,234.50") or with
 * more than 2 decimals: never a guess, since a wrong guess is a factor of 100 or 1000.
 */
export function parseDanishAmount(text: string): AmountReading {
  let rest = text.trim().replace(currency, '').trim();
  let sign = 1;
  const signMatch = /^([-+\u2212])\s*/.exec(rest);
  if (signMatch) {
    sign = signMatch[1] === '+' ? 1 : -1;
    rest = rest.slice(signMatch[0].length);
  }
  if (oneDotThreeDigits.test(rest)) {
    return { problem: `ambiguous amount: "${text}" could be ${rest.replace('.', '')} kr. or ${rest.replace('.', ',')} kr.; write ${rest.replace('.', '')} or ${rest},00` };
  }
  let whole: string;
  let decimals: string;
  const comma = commaDecimal.exec(rest);
  const point = comma ? null : pointDecimal.exec(rest);
  if (comma) {
    whole = comma[1]!;
    decimals = comma[2] ?? '';
    if (decimals.length > 2) return { problem: `not an amount: "${text}" has more than 2 decimals` };
  } else if (point) {
    whole = point[1]!;
    decimals = point[2]!;
  } else if (pointTooManyDecimals.test(rest)) {
    return { problem: `not an amount: "${text}" has more than 2 decimals` };
  } else {
    return { problem: `not an amount: "${text}"` };
  }
  const ore = Number(`${whole.replace(/\D/g, '')}${decimals.padEnd(2, '0')}`);
  if (!Number.isSafeInteger(ore)) return { problem: `not an amount: "${text}" is too large` };
  return { ore: ore === 0 ? 0 : sign * ore };
}

/**
 * Writes øre the Danish way for finance: decimal comma, two decimals, a hyphen-minus for negatives,
 * and no thousands separator (123450 → "1234,50", -5000 → "-50,00"), because finance's ERP import
 * reads amounts without thousands separators more reliably.
 */
export function formatDanishAmount(ore: number): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`not a whole number of øre: ${ore}`);
  const magnitude = Math.abs(ore);
  const kroner = Math.floor(magnitude / 100);
  const rest = String(magnitude % 100).padStart(2, '0');
  return `${ore < 0 ? '-' : ''}${kroner},${rest}`;
}
