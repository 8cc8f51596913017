import { mirrorTableDefinitions } from './mirrorTableDefinitions.js';

/** The type of a column as the simulator checks it on writes (a subset of Dataverse's column types). */
export type ColumnType =
  | { kind: 'string'; maxLength: number }
  | { kind: 'integer' }
  | { kind: 'decimal' }
  | { kind: 'boolean' }
  /** Date and time, stored and returned as UTC with second precision ("2024-05-01T10:00:00Z"). */
  | { kind: 'datetime' }
  /** Date only ("2024-05-01"). */
  | { kind: 'date' };

/** A single-valued navigation property usable with `<name>@odata.bind`, stored as `_<lookup>_value`. */
export interface NavigationProperty {
  lookup: string;
  targetEntitySet: string;
  /** Dataverse sets this lookup itself (e.g. `masterid` on a merge); a client's `@odata.bind` to it is ignored. */
  readOnly?: true;
}

/** A column Dataverse sets itself: returned on reads, ignored on writes, `initial` on new rows. */
export interface ReadOnlyColumn {
  type: ColumnType;
  initial: unknown;
}

/** One table, addressed by its entity set name as in the Web API URL. */
export interface TableDefinition {
  /** Logical name, used in error messages and `@odata.context` type names ("contact"). */
  logicalName: string;
  primaryKey: string;
  /** Columns a client may write. System columns (createdon, modifiedon, versionnumber, …) are added by the simulator. */
  columns: Record<string, ColumnType>;
  navigationProperties: Record<string, NavigationProperty>;
  /** Columns Dataverse computes from others; writes to them are ignored like in Dataverse. */
  computed?: Record<string, (row: Record<string, unknown>) => unknown>;
  /** Columns only Dataverse writes (e.g. `merged`); writes to them are ignored. */
  readOnlyColumns?: Record<string, ReadOnlyColumn>;
}

const text = (maxLength: number): ColumnType => ({ kind: 'string', maxLength });

/**
 * What a merge sets on the subordinate row, in tables that support the Merge action: `merged` true
 * and the lookup `masterid` (to the same table) pointing at the row it was merged into.
 */
const mergedColumn: Record<string, ReadOnlyColumn> = { merged: { type: { kind: 'boolean' }, initial: false } };

function masterLookup(entitySet: string): Record<string, NavigationProperty> {
  return { masterid: { lookup: 'masterid', targetEntitySet: entitySet, readOnly: true } };
}

const address1Columns: Record<string, ColumnType> = {
  address1_line1: text(250),
  address1_line2: text(250),
  address1_line3: text(250),
  address1_postalcode: text(20),
  address1_city: text(80),
  address1_country: text(80),
};

/**
 * The tables the simulator knows unless told otherwise: the standard columns the engine uses, with
 * Dataverse's default maximum lengths, plus the engine's own `msengine_` columns and the custom
 * tables mirroring OnlineFundraising (their lengths are whatever the MS solution defines; these
 * are the values the solution is expected to use).
 */
export const defaultTableDefinitions: Record<string, TableDefinition> = {
  contacts: {
    logicalName: 'contact',
    primaryKey: 'contactid',
    columns: {
      firstname: text(50),
      middlename: text(50),
      lastname: text(50),
      emailaddress1: text(100),
      emailaddress2: text(100),
      emailaddress3: text(100),
      mobilephone: text(50),
      telephone1: text(50),
      telephone2: text(50),
      jobtitle: text(100),
      birthdate: { kind: 'date' },
      donotemail: { kind: 'boolean' },
      donotbulkemail: { kind: 'boolean' },
      donotphone: { kind: 'boolean' },
      donotpostalmail: { kind: 'boolean' },
      description: text(2000),
      ...address1Columns,
      msengine_ofcontactid: text(100),
      msengine_ofupdatedon: { kind: 'datetime' },
      msengine_campaigncode: text(100),
      msengine_supporterkind: text(40),
      msengine_invalidemail: { kind: 'boolean' },
      msengine_invalidphone: { kind: 'boolean' },
      msengine_unreadablephone: text(200),
      msengine_anonymisedon: { kind: 'date' },
      msengine_smsconsent: { kind: 'boolean' },
      msengine_stoplistsms: { kind: 'boolean' },
      msengine_stoplisttelemarketing: { kind: 'boolean' },
    },
    navigationProperties: {
      parentcustomerid_account: { lookup: 'parentcustomerid', targetEntitySet: 'accounts' },
      parentcustomerid_contact: { lookup: 'parentcustomerid', targetEntitySet: 'contacts' },
      ...masterLookup('contacts'),
    },
    readOnlyColumns: mergedColumn,
    computed: {
      fullname: (row) => [row['firstname'], row['lastname']].filter((part) => typeof part === 'string' && part).join(' ') || null,
    },
  },
  accounts: {
    logicalName: 'account',
    primaryKey: 'accountid',
    columns: {
      name: text(160),
      accountnumber: text(20),
      emailaddress1: text(100),
      telephone1: text(50),
      websiteurl: text(200),
      description: text(2000),
      ...address1Columns,
      msengine_cvr: text(20),
    },
    navigationProperties: {
      primarycontactid: { lookup: 'primarycontactid', targetEntitySet: 'contacts' },
      parentaccountid: { lookup: 'parentaccountid', targetEntitySet: 'accounts' },
      ...masterLookup('accounts'),
    },
    readOnlyColumns: mergedColumn,
  },
  ...mirrorTableDefinitions,
};

/**
 * Columns every row has. `statecode`/`statuscode` are 0/1 (active) on a new row and 1/2 (inactive)
 * on a merged one.
 */
export const systemColumns = ['createdon', 'modifiedon', 'versionnumber', 'statecode', 'statuscode'] as const;

export function lookupValueColumn(lookup: string): string {
  return `_${lookup}_value`;
}

/** Every column a row of the table returns, in a stable order: key, writable, computed, lookups, system. */
export function readableColumns(table: TableDefinition): string[] {
  const lookups = [...new Set(Object.values(table.navigationProperties).map((nav) => lookupValueColumn(nav.lookup)))];
  return [
    table.primaryKey,
    ...Object.keys(table.columns),
    ...Object.keys(table.computed ?? {}),
    ...Object.keys(table.readOnlyColumns ?? {}),
    ...lookups,
    ...systemColumns,
  ];
}

/** The type of a column a client may write or Dataverse writes itself; undefined for keys, lookups and system columns. */
export function columnTypeOf(table: TableDefinition, column: string): ColumnType | undefined {
  return table.columns[column] ?? table.readOnlyColumns?.[column]?.type;
}

/** The values a new row starts with before the client's: active, and the read-only columns' initial values. */
export function initialValues(table: TableDefinition): Record<string, unknown> {
  const readOnly = Object.entries(table.readOnlyColumns ?? {}).map(([column, { initial }]) => [column, initial]);
  return { statecode: 0, statuscode: 1, ...Object.fromEntries(readOnly) };
}

/** The OData (EDM) type of a readable column, for `$filter` type checks; undefined when the table has no such column. */
export function edmTypeOf(table: TableDefinition, column: string): string | undefined {
  if (column === table.primaryKey) return 'Edm.Guid';
  const type = columnTypeOf(table, column);
  if (type) return edmTypeByKind[type.kind];
  if (table.computed?.[column]) return 'Edm.String';
  if (readableColumns(table).includes(column)) return systemEdmTypes[column] ?? 'Edm.Guid';
  return undefined;
}

const edmTypeByKind: Record<ColumnType['kind'], string> = {
  string: 'Edm.String',
  integer: 'Edm.Int32',
  decimal: 'Edm.Decimal',
  boolean: 'Edm.Boolean',
  datetime: 'Edm.DateTimeOffset',
  date: 'Edm.Date',
};

const systemEdmTypes: Record<string, string> = {
  createdon: 'Edm.DateTimeOffset',
  modifiedon: 'Edm.DateTimeOffset',
  versionnumber: 'Edm.Int64',
  statecode: 'Edm.Int32',
  statuscode: 'Edm.Int32',
};
