import { BcError, bcErrorCodes } from './bcError.js';
import { type Comparison, matchesFilter, parseFilter } from './odataFilter.js';
import type { EntityType, Representation } from './representations.js';

export interface CollectionRequest {
  /** The request URL as the client sent it: the next page's link is built from it. */
  url: URL;
  /** The `Prefer` request header, for `odata.maxpagesize`. */
  prefer: string | undefined;
  /** The most entities one page holds (BC: 20,000). */
  maxPageSize: number;
}

export interface CollectionPage {
  value: Representation[];
  nextLink?: string;
}

const supportedOptions = new Set(['$filter', '$top', '$skip', '$skiptoken', '$select']);

/**
 * A page of a collection as BC pages it (server-driven paging): `$filter`, `$skip` and `$top`
 * select the entities; a page holds at most `maxPageSize` of them (less when the client prefers
 * `odata.maxpagesize`) and `@odata.nextLink` gives the next. The skip token is an offset into the
 * selection (BC's encodes the last key; see README.md).
 */
export function collectionPage(entities: Representation[], type: EntityType, request: CollectionRequest): CollectionPage {
  const params = request.url.searchParams;
  for (const name of params.keys()) {
    if (name.startsWith('$') && !supportedOptions.has(name)) {
      throw new BcError(400, bcErrorCodes.badRequest, `The query option ${name} is not supported by the Business Central simulator.`);
    }
  }
  const filter: Comparison[] = params.has('$filter') ? parseFilter(params.get('$filter') ?? '', type) : [];
  const skip = nonNegativeInteger(params.get('$skip'), '$skip') ?? 0;
  const top = nonNegativeInteger(params.get('$top'), '$top');
  const offset = nonNegativeInteger(params.get('$skiptoken'), '$skiptoken') ?? 0;
  const selected = entities.filter((entity) => matchesFilter(entity, filter)).slice(skip, top === undefined ? undefined : skip + top);
  const pageSize = Math.min(request.maxPageSize, preferredPageSize(request.prefer) ?? Infinity);
  const value = selected.slice(offset, offset + pageSize).map((entity) => selectProperties(entity, params.get('$select'), type));
  const more = offset + pageSize < selected.length;
  return { value, ...(more && { nextLink: linkWithSkipToken(request.url, offset + pageSize) }) };
}

function selectProperties(entity: Representation, select: string | null, type: EntityType): Representation {
  if (select === null) return entity;
  const properties = select.split(',').map((property) => property.trim());
  for (const property of properties) {
    if (!type.properties.includes(property)) {
      throw new BcError(400, bcErrorCodes.querySyntax, `Could not find a property named '${property}' on type 'Microsoft.NAV.${type.name}'.`);
    }
  }
  return Object.fromEntries(Object.entries(entity).filter(([property]) => property.startsWith('@odata.') || properties.includes(property)));
}

function preferredPageSize(prefer: string | undefined): number | undefined {
  const match = /(?:^|[,;\s])odata\.maxpagesize=(\d+)/i.exec(prefer ?? '');
  return match?.[1] === undefined ? undefined : Math.max(1, Number(match[1]));
}

/** The request's own query string with `$skiptoken` replaced, `$` left unescaped as BC writes it. */
function linkWithSkipToken(url: URL, offset: number): string {
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((part) => part !== '' && !/^(\$|%24)skiptoken=/i.test(part));
  return `${url.origin}${url.pathname}?${[...kept, `$skiptoken=${offset}`].join('&')}`;
}

function nonNegativeInteger(value: string | null, option: string): number | undefined {
  if (value === null) return undefined;
  if (!/^\d+$/.test(value)) throw new BcError(400, bcErrorCodes.querySyntax, `Invalid value '${value}' for ${option} query option found.`);
  return Number(value);
}
