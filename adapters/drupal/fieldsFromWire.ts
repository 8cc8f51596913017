import type { FieldWireValue } from './submissionWireSchema.js';

type Scalar = string | number | boolean | null;

/**
 * A submission's `data` as text fields: strings as they are, booleans as "1"/"0" (a checkbox),
 * numbers as written, a multi-value element joined with ", ", a composite element's parts as
 * `<element>.<part>`. Null and empty values are left out.
 */
export function fieldsFromWire(data: Record<string, FieldWireValue>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(data)) {
    if (isComposite(value)) {
      for (const [part, partValue] of Object.entries(value)) put(fields, `${name}.${part}`, elementText(partValue));
    } else {
      put(fields, name, elementText(value));
    }
  }
  return fields;
}

function isComposite(value: FieldWireValue): value is Record<string, Scalar | Scalar[]> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function elementText(value: Scalar | Scalar[]): string | undefined {
  if (!Array.isArray(value)) return scalarText(value);
  const parts = value.map(scalarText).filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function scalarText(value: Scalar): string | undefined {
  if (value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

function put(fields: Record<string, string>, name: string, text: string | undefined): void {
  if (text !== undefined) fields[name] = text;
}
