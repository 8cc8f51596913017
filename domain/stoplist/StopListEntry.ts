import { toE164 } from '../person/phoneNumber.js';

/**
 * [StopList] One line of the "never contact" list. It stands on its own: it matches people by phone
 * or email, not by person id, so it holds for people the engine has no record of, and anonymising a
 * person keeps, adds or removes their entry exactly as they ask ([GDPR1]).
 */
export interface StopListEntry {
  id: string;
  name?: string;
  /** E.164, e.g. +4522334455. */
  phone?: string;
  /** Trimmed and lower-cased. */
  email?: string;
  /** When the person asked: a calendar date (YYYY-MM-DD, Europe/Copenhagen) or an ISO instant, as staff gave it. */
  requestedAt: string;
  /** Never send them SMS. See `forbids` for what an entry with neither flag means. */
  sms: boolean;
  /** Never call them (telemarketing). */
  telemarketing: boolean;
  /** Where the request came in, e.g. "medlemsservice", "dialer", "email". */
  source: string;
  addedBy: string;
  /** UTC instant. */
  addedAt: string;
  /** Who last widened the entry by asking again, and when (UTC instant). */
  widenedBy?: string;
  widenedAt?: string;
}

/** A person's ways of being reached, as the stop list matches them. */
export interface ContactPoints {
  phones: string[];
  emails: string[];
}

/** A field of a stop-list request that cannot be stored, named the way the request names it. */
export interface FieldProblem {
  field: string;
  problem: string;
}

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The email as the stop list stores and matches it, or undefined when it is not an address. */
export function normaliseEmail(raw: string): string | undefined {
  const email = raw.trim().toLowerCase();
  return emailShape.test(email) ? email : undefined;
}

/** The phone in E.164 (numbers without a country prefix read as Danish), or undefined when it is no valid number. */
export function normalisePhone(raw: string): string | undefined {
  return toE164(raw);
}

/**
 * What is wrong with the phone and email of a new entry: a phone or email that was given must be
 * valid (never silently dropped, or the person would not be stopped), and one of them must be given.
 * Blank text counts as not given.
 */
export function contactProblems(contact: { phone?: string | undefined; email?: string | undefined }): FieldProblem[] {
  const phone = contact.phone?.trim();
  const email = contact.email?.trim();
  if (!phone && !email) return ['phone', 'email'].map((field) => ({ field, problem: 'give a phone or an email' }));
  return [
    ...(phone && !normalisePhone(phone) ? [{ field: 'phone', problem: 'phone is not a valid phone number' }] : []),
    ...(email && !normaliseEmail(email) ? [{ field: 'email', problem: 'email is not an email address' }] : []),
  ];
}

/**
 * The contact points in the form entries hold, without duplicates. Values that are no valid phone or
 * email are left out: no entry can hold them, so they cannot match one.
 */
export function normalisedContactPoints(contact: ContactPoints): ContactPoints {
  return {
    phones: distinctDefined(contact.phones.map(normalisePhone)),
    emails: distinctDefined(contact.emails.map(normaliseEmail)),
  };
}

function distinctDefined(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}
