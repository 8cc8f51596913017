import { BcError, bcErrorCodes } from './bcError.js';

/** One segment of a resource path: an entity set, and the key when one entity is addressed. */
export interface PathSegment {
  name: string;
  /** The GUID in `name(<guid>)`, lower-cased. */
  key?: string;
}

const segmentPattern = /^([A-Za-z]+)(?:\((.*)\))?$/;
const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Splits `companies(<id>)/journals(<id>)/journalLines` into segments; keys must be GUIDs, as in BC. */
export function parseResourcePath(path: string): PathSegment[] {
  return path
    .split('/')
    .filter((part) => part !== '')
    .map((part) => {
      const match = segmentPattern.exec(part);
      if (!match?.[1]) throw new BcError(404, bcErrorCodes.resourceNotFound, `Resource not found for the segment '${part}'.`);
      const key = match[2];
      if (key === undefined) return { name: match[1] };
      if (!guidPattern.test(key)) throw new BcError(400, bcErrorCodes.querySyntax, 'Bad Request - Error in query syntax.');
      return { name: match[1], key: key.toLowerCase() };
    });
}
