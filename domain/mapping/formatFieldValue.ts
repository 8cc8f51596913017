import { toE164 } from '../person/phoneNumber.js';
import type { FieldType, MappedValue } from './FieldMapping.js';

const yes = new Set(['ja', 'yes', 'true', '1', 'x']);
const no = new Set(['nej', 'no', 'false', '0', '']);

/** Reads a form value as `type`, or says why it cannot. Danish forms write dates dd-mm-yyyy and decimals with a comma. */
export function formatFieldValue(raw: string, type: FieldType): { value: MappedValue } | { problem: string } {
  const text = raw.trim();
  switch (type) {
    case 'text':
      return { value: text };
    case 'integer':
      return /^-?\d+$/.test(text) ? { value: Number(text) } : { problem: 'not a whole number' };
    case 'decimal': {
      const normalised = text.replace(/\./g, '').replace(',', '.');
      return /^-?\d+(\.\d+)?$/.test(normalised) ? { value: Number(normalised) } : { problem: 'not a number' };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (yes.has(lower)) return { value: true };
      return no.has(lower) ? { value: false } : { problem: 'not yes or no' };
    }
    case 'date':
      return readDate(text);
    case 'phone': {
      const e164 = toE164(text);
      return e164 ? { value: e164 } : { problem: 'not a phone number' };
    }
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? { value: text.toLowerCase() } : { problem: 'not an email address' };
  }
}

/** A business date as YYYY-MM-DD, from "24-11-1980", "24.11.1980", "24/11/1980" or "1980-11-24". */
function readDate(text: string): { value: string } | { problem: string } {
  const danish = text.match(/^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/);
  const iso = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const [year, month, day] = danish ? [danish[3], danish[2], danish[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!year || !month || !day) return { problem: 'not a date' };
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return { problem: 'not a date' };
  return { value: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}
