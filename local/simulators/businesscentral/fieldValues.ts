import { BcError, bcErrorCodes } from './bcError.js';

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The request body of a POST: a JSON object, or BC's 400 "Invalid Request Body". */
export function requestObject(body: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw invalidBody();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidBody();
  return parsed as Record<string, unknown>;
}

/**
 * Refuses properties the entity type does not have, read-only ones (by their caption, as BC names
 * the control) and those whose validation always fails (`refused`: property → BC's message).
 */
export function checkProperties(
  body: Record<string, unknown>,
  typeName: string,
  writable: readonly string[],
  readOnly: Record<string, string>,
  refused: Record<string, string> = {},
): void {
  for (const property of Object.keys(body)) {
    if (writable.includes(property)) continue;
    const caption = readOnly[property];
    if (caption !== undefined) throw new BcError(400, bcErrorCodes.readOnly, `Control '${caption}' is read-only.`);
    const message = refused[property];
    if (message !== undefined) throw new BcError(400, bcErrorCodes.dialog, message);
    throw new BcError(
      400,
      bcErrorCodes.badRequest,
      `The property '${property}' does not exist on type 'Microsoft.NAV.${typeName}'. Make sure to only use property names that are defined by the type.`,
    );
  }
}

/** A Text[max] value. */
export function textValue(value: unknown, max: number): string {
  if (typeof value !== 'string') throw notConvertible(value, 'Edm.String');
  return withinLength(value, max);
}

/** A Code[max] value: BC trims it and upper-cases it. */
export function codeValue(value: unknown, max: number): string {
  if (typeof value !== 'string') throw notConvertible(value, 'Edm.String');
  return withinLength(value.trim().toUpperCase(), max);
}

export function guidValue(value: unknown): string {
  if (typeof value !== 'string' || !guidPattern.test(value)) throw notConvertible(value, 'Edm.Guid');
  return value.toLowerCase();
}

export function integerValue(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 2_147_483_647) throw notConvertible(value, 'Edm.Int32');
  return value;
}

/** A decimal amount, rounded to the local currency's precision (0.01) as BC's validation does. */
export function amountValue(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw notConvertible(value, 'Edm.Decimal');
  return Number(`${Math.round(Number(`${value}e2`))}e-2`);
}

/** YYYY-MM-DD of a day that exists. */
export function dateValue(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw notConvertible(value, 'Edm.Date');
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw notConvertible(value, 'Edm.Date');
  return value;
}

export function enumValue<T extends string>(value: unknown, members: readonly T[], enumName: string): T {
  if (typeof value !== 'string' || !members.includes(value as T)) throw notConvertible(value, `Microsoft.NAV.${enumName}`);
  return value as T;
}

function withinLength(value: string, max: number): string {
  if (value.length <= max) return value;
  throw new BcError(400, bcErrorCodes.stringTooLong, `The length of the string is ${value.length}, but it must be less than or equal to ${max} characters. Value: ${value}`);
}

function notConvertible(value: unknown, type: string): BcError {
  return new BcError(400, bcErrorCodes.badRequest, `Cannot convert the literal '${typeof value === 'string' ? value : JSON.stringify(value)}' to the expected type '${type}'.`);
}

function invalidBody(): BcError {
  return new BcError(400, bcErrorCodes.badRequest, 'Invalid Request Body');
}
