import { BcError, bcErrorCodes, jsonResponse } from './bcError.js';
import { collectionPage } from './collection.js';
import type { CompanyStore } from './CompanyStore.js';
import { dimensionSetLineFor } from './dimensionSetLineInput.js';
import type { GlEntry, Journal, JournalLine } from './entities.js';
import { requestObject } from './fieldValues.js';
import { journalLineFields } from './journalLineInput.js';
import {
  type EntityType,
  type Representation,
  accountRepresentation,
  accountType,
  companyRepresentation,
  companyType,
  dimensionRepresentation,
  dimensionSetLineRepresentation,
  dimensionSetLineType,
  dimensionType,
  etagOf,
  generalLedgerEntryRepresentation,
  generalLedgerEntryType,
  journalLineRepresentation,
  journalLineType,
  journalRepresentation,
  journalType,
} from './representations.js';
import { type PathSegment, parseResourcePath } from './resourcePath.js';

export interface ApiRequest {
  method: string;
  /** The resource path below the API base, e.g. "companies(<id>)/journals". */
  path: string;
  url: URL;
  /** The API base as the client addressed it: `<origin>/v2.0/<tenant>/<environment>/api/v2.0`. */
  apiBase: string;
  headers: Headers;
  body: string;
}

export interface ApiContext {
  store: CompanyStore;
  maxPageSize: number;
  /** Today in the company's time zone (YYYY-MM-DD): BC's work date, the default posting date. */
  today: () => string;
}

interface Entity {
  representation: Representation;
  /** The ETag's version; entities the simulator never changes stay at 1. */
  version: number;
}

/**
 * Answers one API v2.0 request on the simulated company: companies, its journals, their journal
 * lines, its dimensions and G/L accounts, its G/L entries, and the dimension set lines of journal
 * lines and G/L entries. Throws `BcError` for whatever BC would refuse.
 */
export function handleApiRequest(request: ApiRequest, context: ApiContext): Response {
  const [companies, child, ...rest] = parseResourcePath(request.path);
  if (companies?.name !== 'companies') throw noSuchSegment(companies?.name ?? '');
  const { store } = context;
  const single = (entity: Representation): Entity => ({ representation: entity, version: 1 });
  if (companies.key === undefined) {
    if (child) throw noSuchSegment(child.name);
    return read(request, context, companyType, 'companies', [single(companyRepresentation(store.company))]);
  }
  if (companies.key !== store.company.id) throw notFound('Company', companies.key);
  const companyPath = `companies(${store.company.id})`;
  if (!child) return readOne(request, `companies/$entity`, single(companyRepresentation(store.company)));
  switch (child.name) {
    case 'journals':
      return journals(request, context, child, rest, companyPath);
    case 'dimensions': {
      if (rest[0]) throw noSuchSegment(rest[0].name);
      const dimensions = store.dimensions().map((dimension) => single(dimensionRepresentation(dimension)));
      return readKeyed(request, context, child, dimensionType, `${companyPath}/dimensions`, dimensions, 'Dimension');
    }
    case 'generalLedgerEntries':
      return generalLedgerEntries(request, context, child, rest, `${companyPath}/generalLedgerEntries`);
    case 'accounts': {
      if (rest[0]) throw noSuchSegment(rest[0].name);
      const accounts = store.accounts().map((account) => single(accountRepresentation(account)));
      return readKeyed(request, context, child, accountType, `${companyPath}/accounts`, accounts, 'G/L Account');
    }
    default:
      throw noSuchSegment(child.name);
  }
}

function journals(request: ApiRequest, context: ApiContext, segment: PathSegment, rest: PathSegment[], companyPath: string): Response {
  const setPath = `${companyPath}/journals`;
  const [lines, ...below] = rest;
  if (segment.key === undefined) {
    if (lines) throw noSuchSegment(lines.name);
    const all = context.store.journals().map((journal) => ({ representation: journalRepresentation(journal), version: 1 }));
    return read(request, context, journalType, setPath, all);
  }
  const journal = context.store.journalById(segment.key) ?? notFound('Gen. Journal Batch', segment.key);
  if (!lines) return readOne(request, `${setPath}/$entity`, { representation: journalRepresentation(journal), version: 1 });
  if (lines.name !== 'journalLines') throw noSuchSegment(lines.name);
  return journalLines(request, context, journal, lines, below, `${setPath}(${journal.id})/journalLines`);
}

function journalLines(request: ApiRequest, context: ApiContext, journal: Journal, segment: PathSegment, rest: PathSegment[], setPath: string): Response {
  const lineEntity = (line: JournalLine): Entity => ({ representation: journalLineRepresentation(line, journal.code), version: line.version });
  const [dimensions, ...below] = rest;
  if (segment.key === undefined) {
    if (dimensions) throw noSuchSegment(dimensions.name);
    if (request.method === 'POST') {
      const line = context.store.addLine(journal, journalLineFields(requestObject(request.body), context.store, context.today()));
      return created(request, `${setPath}/$entity`, lineEntity(line), `${setPath}(${line.id})`);
    }
    return read(request, context, journalLineType, setPath, journal.lines.map(lineEntity));
  }
  const line = journal.lines.find((candidate) => candidate.id === segment.key) ?? notFound('Gen. Journal Line', segment.key);
  if (!dimensions) {
    if (request.method === 'DELETE') return deleteLine(request, context.store, journal, line);
    return readOne(request, `${setPath}/$entity`, lineEntity(line));
  }
  if (dimensions.name !== 'dimensionSetLines') throw noSuchSegment(dimensions.name);
  if (below[0]) throw noSuchSegment(below[0].name);
  return dimensionSetLines(request, context, line, dimensions, `${setPath}(${line.id})/dimensionSetLines`);
}

function dimensionSetLines(request: ApiRequest, context: ApiContext, line: JournalLine, segment: PathSegment, setPath: string): Response {
  const parent = { id: line.id, type: 'Journal Line' } as const;
  const entities = () => line.dimensionSetLines.map((dimension) => ({ representation: dimensionSetLineRepresentation(dimension, parent), version: line.version }));
  if (segment.key === undefined && request.method === 'POST') {
    const dimension = dimensionSetLineFor(requestObject(request.body), line, context.store);
    context.store.addDimensionSetLine(line, dimension);
    return created(request, `${setPath}/$entity`, { representation: dimensionSetLineRepresentation(dimension, parent), version: line.version }, `${setPath}(${dimension.dimensionId})`);
  }
  return readKeyed(request, context, segment, dimensionSetLineType, setPath, entities(), 'Dimension Set Entry');
}

/** The general ledger: read-only, as are the dimension set lines of an entry (its posted line's). */
function generalLedgerEntries(request: ApiRequest, context: ApiContext, segment: PathSegment, rest: PathSegment[], setPath: string): Response {
  const entryEntity = (entry: GlEntry): Entity => ({ representation: generalLedgerEntryRepresentation(entry), version: 1 });
  const [dimensions, ...below] = rest;
  if (!dimensions) return readKeyed(request, context, segment, generalLedgerEntryType, setPath, context.store.glEntries().map(entryEntity), 'G/L Entry');
  if (segment.key === undefined || dimensions.name !== 'dimensionSetLines') throw noSuchSegment(dimensions.name);
  if (below[0]) throw noSuchSegment(below[0].name);
  const entry = context.store.glEntries().find((candidate) => candidate.id === segment.key) ?? notFound('G/L Entry', segment.key);
  const parent = { id: entry.id, type: 'General Ledger Entry' } as const;
  const entities = entry.dimensionSetLines.map((dimension) => ({ representation: dimensionSetLineRepresentation(dimension, parent), version: 1 }));
  return readKeyed(request, context, dimensions, dimensionSetLineType, `${setPath}(${entry.id})/dimensionSetLines`, entities, 'Dimension Set Entry');
}

/** BC requires If-Match on DELETE: the line's current ETag, or `*`. */
function deleteLine(request: ApiRequest, store: CompanyStore, journal: Journal, line: JournalLine): Response {
  const ifMatch = request.headers.get('if-match');
  if (!ifMatch) {
    throw new BcError(400, bcErrorCodes.missingConcurrencyToken, 'Could not validate the client concurrency token required by the service. Please provide a valid token in the client request.');
  }
  if (ifMatch.trim() !== '*' && ifMatch.trim() !== etagOf(line.id, line.version)) {
    throw new BcError(409, bcErrorCodes.entityChanged, 'Another user has already changed the record.');
  }
  store.deleteLine(journal, line.id);
  return new Response(null, { status: 204 });
}

/** A read-only entity set addressed as a whole or by key. */
function readKeyed(request: ApiRequest, context: ApiContext, segment: PathSegment, type: EntityType, setPath: string, entities: Entity[], table: string): Response {
  if (segment.key === undefined) return read(request, context, type, setPath, entities);
  const entity = entities.find((candidate) => candidate.representation['id'] === segment.key) ?? notFound(table, segment.key);
  return readOne(request, `${setPath}/$entity`, entity);
}

function read(request: ApiRequest, context: ApiContext, type: EntityType, setPath: string, entities: Entity[]): Response {
  allow(request, 'GET', setPath);
  const page = collectionPage(
    entities.map(({ representation, version }) => ({ '@odata.etag': etagOf(String(representation['id']), version), ...representation })),
    type,
    { url: request.url, prefer: request.headers.get('prefer') ?? undefined, maxPageSize: context.maxPageSize },
  );
  return jsonResponse(200, { '@odata.context': `${request.apiBase}/$metadata#${setPath}`, value: page.value, ...(page.nextLink && { '@odata.nextLink': page.nextLink }) });
}

function readOne(request: ApiRequest, contextPath: string, entity: Entity): Response {
  allow(request, 'GET', contextPath.replace(/\/\$entity$/, ''));
  return jsonResponse(200, annotated(request, contextPath, entity));
}

function created(request: ApiRequest, contextPath: string, entity: Entity, entityPath: string): Response {
  return jsonResponse(201, annotated(request, contextPath, entity), { location: `${request.apiBase}/${entityPath}` });
}

function annotated(request: ApiRequest, contextPath: string, { representation, version }: Entity): Representation {
  return { '@odata.context': `${request.apiBase}/$metadata#${contextPath}`, '@odata.etag': etagOf(String(representation['id']), version), ...representation };
}

function allow(request: ApiRequest, method: string, path: string): void {
  if (request.method === method) return;
  const resource = path.split('/').at(-1)?.replace(/\(.*\)$/, '') ?? path;
  throw new BcError(405, bcErrorCodes.methodNotAllowed, `The Business Central simulator does not support '${request.method}' requests for '${resource}'.`);
}

function notFound(table: string, id: string): never {
  throw new BcError(404, bcErrorCodes.recordNotFound, `The ${table} does not exist. Identification fields and values: SystemId='{${id.toUpperCase()}}'`);
}

function noSuchSegment(segment: string): BcError {
  return new BcError(404, bcErrorCodes.resourceNotFound, `Resource not found for the segment '${segment}'.`);
}
