export const apiRootPath = '/api/data/v9.2';

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return guidPattern.test(value);
}

/** A resource path below the API root: `contacts` or `contacts(<key>)`; `key` is as written, unparsed. */
export interface ResourcePath {
  entitySet: string;
  key?: string;
}

/** Undefined when the path is not of either form (navigation paths, functions, …). */
export function parseResourcePath(path: string): ResourcePath | undefined {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:\(([^()]*)\))?$/.exec(path);
  if (!match) return undefined;
  const [, entitySet, key] = match;
  return key === undefined ? { entitySet: entitySet! } : { entitySet: entitySet!, key };
}

/**
 * Reads `<entitySet>(<guid>)` from an `@odata.bind` value, which may be relative to the API root
 * ("/accounts(…)", "accounts(…)") or absolute ("https://org…/api/data/v9.2/accounts(…)").
 */
export function parseEntityReference(reference: string): { entitySet: string; id: string } | undefined {
  const rootIndex = reference.indexOf(`${apiRootPath}/`);
  const relative = rootIndex >= 0 ? reference.slice(rootIndex + apiRootPath.length + 1) : reference.replace(/^\//, '');
  const path = parseResourcePath(relative);
  if (!path?.key || !isGuid(path.key)) return undefined;
  return { entitySet: path.entitySet, id: path.key.toLowerCase() };
}
