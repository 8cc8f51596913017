import type { Row, TableStore } from './TableStore.js';
import { type TableDefinition, columnTypeOf } from './tableDefinitions.js';

/**
 * The JSON Dataverse posts to a webhook: its `RemoteExecutionContext`, serialised the way the
 * platform serialises it for service endpoints (WCF data contract JSON): PascalCase properties in
 * alphabetical order, collections as arrays of `{ key, value }`, SDK types tagged with `__type`,
 * instants as `/Date(<ms since epoch>)/`.
 */

const contracts = 'http://schemas.microsoft.com/xrm/2011/Contracts';
const emptyGuid = '00000000-0000-0000-0000-000000000000';

export interface KeyValue {
  key: string;
  value: unknown;
}

export interface XrmEntityReference {
  __type: `EntityReference:${typeof contracts}`;
  Id: string;
  KeyAttributes: KeyValue[];
  LogicalName: string;
  Name: null;
  RowVersion: null;
}

export interface XrmEntity {
  __type: `Entity:${typeof contracts}`;
  Attributes: KeyValue[];
  EntityState: null;
  FormattedValues: KeyValue[];
  Id: string;
  KeyAttributes: KeyValue[];
  LogicalName: string;
  RelatedEntities: KeyValue[];
  RowVersion: string | null;
}

export function entityReference(logicalName: string, id: string): XrmEntityReference {
  return { __type: `EntityReference:${contracts}`, Id: id, KeyAttributes: [], LogicalName: logicalName, Name: null, RowVersion: null };
}

/** An Entity; without an id (as in a Merge's UpdateContent) its Id is the empty GUID, as the SDK serialises it. */
export function xrmEntity(logicalName: string, id: string | undefined, attributes: KeyValue[], rowVersion: string | null = null): XrmEntity {
  return {
    __type: `Entity:${contracts}`,
    Attributes: attributes,
    EntityState: null,
    FormattedValues: [],
    Id: id ?? emptyGuid,
    KeyAttributes: [],
    LogicalName: logicalName,
    RelatedEntities: [],
    RowVersion: rowVersion,
  };
}

/** WCF's JSON date: `/Date(1714557600000)/`. */
export function wcfDate(instant: Date): string {
  return `/Date(${instant.getTime()})/`;
}

/**
 * Stored column values (as the Web API writes them) → an Entity's Attributes: lookups
 * (`_x_value`) become `x` with an EntityReference, statecode/statuscode OptionSetValues,
 * dates WCF dates; text, numbers and booleans stay as they are.
 */
export function xrmAttributes(table: TableDefinition, values: Row, tables: Record<string, TableDefinition>, store: TableStore): KeyValue[] {
  return Object.entries(values).map(([column, value]) => {
    const lookup = /^_(.+)_value$/.exec(column)?.[1];
    if (lookup !== undefined) return { key: lookup, value: value === null ? null : lookupReference(table, lookup, String(value), tables, store) };
    return { key: column, value: xrmValue(table, column, value) };
  });
}

function xrmValue(table: TableDefinition, column: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column === 'statecode' || column === 'statuscode') return { __type: `OptionSetValue:${contracts}`, Value: value };
  if (column === 'createdon' || column === 'modifiedon') return wcfDate(new Date(String(value)));
  const type = columnTypeOf(table, column);
  if (type?.kind === 'datetime') return wcfDate(new Date(String(value)));
  if (type?.kind === 'date') return wcfDate(new Date(`${String(value)}T00:00:00Z`));
  return value;
}

/** A lookup may target several tables (a customer lookup); the reference names the one holding the row. */
function lookupReference(table: TableDefinition, lookup: string, id: string, tables: Record<string, TableDefinition>, store: TableStore): XrmEntityReference {
  const candidates = Object.values(table.navigationProperties)
    .filter((navigation) => navigation.lookup === lookup)
    .map((navigation) => navigation.targetEntitySet);
  const entitySet = candidates.find((candidate) => store.get(candidate, id)) ?? candidates[0] ?? '';
  return entityReference(tables[entitySet]?.logicalName ?? entitySet, id);
}

export interface ExecutionContextInput {
  messageName: 'Merge' | 'Update';
  primaryEntityName: string;
  primaryEntityId: string;
  inputParameters: KeyValue[];
  /** The user the operation ran as (the application user for API calls, a staff user in Dynamics). */
  userId: string;
  businessUnitId: string;
  organizationId: string;
  organizationName: string;
  correlationId: string;
  requestId: string;
  /** The step that sent it (`OwningExtension`, an sdkmessageprocessingstep). */
  step: { id: string; name: string };
  createdOn: Date;
}

/** The RemoteExecutionContext of a post-operation (Stage 40), asynchronous (Mode 1) step at depth 1. */
export function remoteExecutionContext(input: ExecutionContextInput): Record<string, unknown> {
  return {
    BusinessUnitId: input.businessUnitId,
    CorrelationId: input.correlationId,
    Depth: 1,
    InitiatingUserAzureActiveDirectoryObjectId: emptyGuid,
    InitiatingUserId: input.userId,
    InputParameters: input.inputParameters,
    IsExecutingOffline: false,
    IsInTransaction: false,
    IsOfflinePlayback: false,
    IsolationMode: 1,
    MessageName: input.messageName,
    Mode: 1,
    OperationCreatedOn: wcfDate(input.createdOn),
    OperationId: input.requestId,
    OrganizationId: input.organizationId,
    OrganizationName: input.organizationName,
    OutputParameters: [],
    OwningExtension: { Id: input.step.id, KeyAttributes: [], LogicalName: 'sdkmessageprocessingstep', Name: input.step.name, RowVersion: null },
    ParentContext: null,
    PostEntityImages: [],
    PreEntityImages: [],
    PrimaryEntityId: input.primaryEntityId,
    PrimaryEntityName: input.primaryEntityName,
    RequestId: input.requestId,
    SecondaryEntityName: 'none',
    SharedVariables: [],
    Stage: 40,
    UserAzureActiveDirectoryObjectId: emptyGuid,
    UserId: input.userId,
  };
}
