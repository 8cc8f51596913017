/** The `Prefer` header values the simulator honours (RFC 7240, OData 4.0 §8.2.8). */
export interface Preferences {
  returnRepresentation: boolean;
  maxPageSize?: number;
  continueOnError: boolean;
}

export function parsePreferences(header: string | null): Preferences {
  const values = (header ?? '').split(',').map((value) => value.trim().toLowerCase());
  const pageSize = values.map((value) => /^odata\.maxpagesize=(\d+)$/.exec(value)?.[1]).find((size) => size !== undefined);
  return {
    returnRepresentation: values.includes('return=representation'),
    ...(pageSize !== undefined && Number(pageSize) > 0 && { maxPageSize: Number(pageSize) }),
    continueOnError: values.includes('odata.continue-on-error'),
  };
}
