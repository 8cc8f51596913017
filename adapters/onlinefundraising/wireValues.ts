/** Text from OF as the domain wants it: trimmed, with null, missing, empty and blank all meaning absent. */
export function text(value: string | null | undefined): string | undefined {
  return value?.trim() || undefined;
}

/** An instant from OF (any offset) as UTC ISO 8601, the form the domain stores and compares. */
export function utcInstant(value: string): string {
  return new Date(value).toISOString();
}

/** Leaves absent fields out rather than present-but-undefined, so documents compare and store cleanly. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
