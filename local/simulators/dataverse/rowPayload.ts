import { DataverseErrorResponse, errorCodes } from './ApiResponse.js';
import { parseEntityReference } from './entityPath.js';
import type { Row, TableStore } from './TableStore.js';
import { type ColumnType, type TableDefinition, lookupValueColumn, systemColumns } from './tableDefinitions.js';

/** Columns a client may send but Dataverse ignores (it sets them itself). */
const ignoredOnWrite = new Set<string>(['createdon', 'modifiedon', 'versionnumber']);
const writableSystemColumns = new Set<string>(systemColumns.filter((column) => !ignoredOnWrite.has(column)));

export interface PayloadContext {
  entitySet: string;
  table: TableDefinition;
  tables: Record<string, TableDefinition>;
  store: TableStore;
  /** The key the URL addresses (PATCH), if any; the body may repeat it but not contradict it. */
  id?: string;
}

/**
 * Turns a create/update body into the column values to store, checked the way Dataverse checks
 * them: unknown properties, wrong types and too-long text answer 400; `<nav>@odata.bind` becomes
 * `_<lookup>_value` and must point at an existing row.
 */
export function columnValuesFromPayload(body: string, context: PayloadContext): Row {
  return columnValuesFromObject(parseJsonObject(body), context);
}

/** The same checks for a body already parsed (e.g. a Merge's `UpdateContent`). */
export function columnValuesFromObject(payload: Record<string, unknown>, context: PayloadContext): Row {
  const { table } = context;
  const values: Row = {};
  for (const [property, value] of Object.entries(payload)) {
    if (property.endsWith('@odata.bind')) {
      Object.assign(values, lookupFromBind(property.slice(0, -'@odata.bind'.length), value, context));
    } else if (property.includes('@')) {
      continue;
    } else if (property === table.primaryKey) {
      values[property] = primaryKeyValue(value, context);
    } else if (/^_.+_value$/.test(property)) {
      throw payloadError('CRM do not support direct update of Entity Reference properties, Use Navigation properties instead.');
    } else if (ignoredOnWrite.has(property) || table.computed?.[property] || table.readOnlyColumns?.[property]) {
      continue;
    } else if (writableSystemColumns.has(property)) {
      values[property] = checkedValue(property, { kind: 'integer' }, value, table);
    } else {
      const type = table.columns[property];
      if (!type) {
        throw payloadError(
          `The property '${property}' does not exist on type 'Microsoft.Dynamics.CRM.${table.logicalName}'. Make sure to only use property names that are defined by the type.`,
        );
      }
      values[property] = checkedValue(property, type, value, table);
    }
  }
  return values;
}

export function parseJsonObject(body: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body || 'null');
  } catch {
    throw payloadError('Invalid JSON. The request body could not be read as JSON.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw payloadError('Invalid JSON. A JSON object was expected as the request body.');
  }
  return parsed as Record<string, unknown>;
}

function lookupFromBind(navigationProperty: string, value: unknown, context: PayloadContext): Row {
  const navigation = context.table.navigationProperties[navigationProperty];
  if (!navigation) {
    throw payloadError(
      `An undeclared property '${navigationProperty}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.`,
    );
  }
  // Dataverse sets these lookups itself (masterid: by a merge) and ignores what a client sends.
  if (navigation.readOnly) return {};
  const column = lookupValueColumn(navigation.lookup);
  if (value === null) return { [column]: null };
  const reference = typeof value === 'string' ? parseEntityReference(value) : undefined;
  if (!reference || reference.entitySet !== navigation.targetEntitySet) {
    throw payloadError(`The value '${String(value)}' of '${navigationProperty}@odata.bind' is not a reference to a row of '${navigation.targetEntitySet}'.`);
  }
  if (!context.store.get(reference.entitySet, reference.id)) {
    const target = context.tables[reference.entitySet];
    throw new DataverseErrorResponse(
      404,
      errorCodes.objectDoesNotExist,
      `Entity '${target?.logicalName ?? reference.entitySet}' With Id = ${reference.id} Does Not Exist`,
    );
  }
  return { [column]: reference.id };
}

function primaryKeyValue(value: unknown, context: PayloadContext): string {
  const id = typeof value === 'string' ? value.toLowerCase() : undefined;
  if (!id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
    throw payloadError(`Cannot convert the literal '${String(value)}' to the expected type 'Edm.Guid'.`);
  }
  if (context.id !== undefined && context.id !== id) {
    throw payloadError(`The value of '${context.table.primaryKey}' in the body does not match the key in the URL.`);
  }
  return id;
}

function checkedValue(column: string, type: ColumnType, value: unknown, table: TableDefinition): unknown {
  if (value === null) return null;
  switch (type.kind) {
    case 'string':
      if (typeof value !== 'string') throw conversionError(value, 'Edm.String');
      if (value.length > type.maxLength) {
        throw new DataverseErrorResponse(
          400,
          errorCodes.stringLengthTooLong,
          `A validation error occurred. The length of the '${column}' attribute of the '${table.logicalName}' entity exceeded the maximum allowed length of '${type.maxLength}'.`,
        );
      }
      return value;
    case 'integer':
      if (!Number.isInteger(value)) throw conversionError(value, 'Edm.Int32');
      return value;
    case 'decimal':
      if (typeof value !== 'number') throw conversionError(value, 'Edm.Decimal');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw conversionError(value, 'Edm.Boolean');
      return value;
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw conversionError(value, 'Edm.Date');
      return value;
    case 'datetime': {
      const instant = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(instant)) throw conversionError(value, 'Edm.DateTimeOffset');
      return toDataverseInstant(new Date(instant));
    }
  }
}

/** Dataverse keeps instants to the second and writes them in UTC: "2024-05-01T10:00:00Z". */
export function toDataverseInstant(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function conversionError(value: unknown, edmType: string): DataverseErrorResponse {
  return payloadError(`Cannot convert the literal '${typeof value === 'string' ? value : JSON.stringify(value)}' to the expected type '${edmType}'.`);
}

export function payloadError(message: string): DataverseErrorResponse {
  return new DataverseErrorResponse(400, errorCodes.queryOrPayloadError, message);
}
