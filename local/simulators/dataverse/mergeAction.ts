import { type ApiResponse, DataverseErrorResponse, emptyResponse, errorCodes } from './ApiResponse.js';
import { isGuid } from './entityPath.js';
import type { WebApiContext, WebApiRequest } from './entityRequests.js';
import { xrmAttributes, xrmEntity } from './executionContext.js';
import { columnValuesFromObject, parseJsonObject, payloadError, toDataverseInstant } from './rowPayload.js';
import type { Row } from './TableStore.js';
import { type TableDefinition, lookupValueColumn } from './tableDefinitions.js';

/** Dataverse merges accounts, contacts, leads and incidents; the simulator has the first two. */
const mergeableEntities = new Set(['account', 'contact']);

/** The lookup `PerformParentingChecks` compares. */
const parentLookupColumns: Record<string, string> = { contact: '_parentcustomerid_value', account: '_parentaccountid_value' };

const parameters = new Set(['Target', 'Subordinate', 'UpdateContent', 'PerformParentingChecks']);

export interface MergeInput {
  entitySet: string;
  targetId: string;
  subordinateId: string;
  /** Columns to write on the target, in the Web API's body format (`UpdateContent` without `@odata.type`). */
  updateContent?: Record<string, unknown>;
  performParentingChecks: boolean;
}

/** `alreadyMerged`: the subordinate was merged into this target before; nothing changed. */
export type MergeOutcome = 'merged' | 'alreadyMerged';

/**
 * `POST Merge`, the unbound action: `{ Target, Subordinate, UpdateContent?, PerformParentingChecks }`,
 * where Target and Subordinate name their table by `@odata.type` and their row by its key.
 * Answers 204 (see `mergeRows` for what it does and refuses).
 */
export function executeMerge(request: WebApiRequest, context: WebApiContext): ApiResponse {
  const body = parseJsonObject(request.body);
  for (const name of Object.keys(body)) {
    if (!parameters.has(name) && !name.startsWith('@')) {
      throw payloadError(`The parameter '${name}' in the request payload is not a valid parameter for the operation 'Merge'.`);
    }
  }
  const target = entityParameter(body, 'Target', context);
  const subordinate = entityParameter(body, 'Subordinate', context);
  if (subordinate.entitySet !== target.entitySet) {
    throw invalidArgument(`The Target (${target.table.logicalName}) and the Subordinate (${subordinate.table.logicalName}) of a merge must be of the same type.`);
  }
  const performParentingChecks = body['PerformParentingChecks'];
  if (typeof performParentingChecks !== 'boolean') {
    throw payloadError("The parameter 'PerformParentingChecks' of the operation 'Merge' is required and must be a boolean.");
  }
  const updateContent = updateContentParameter(body['UpdateContent'], target.table);
  mergeRows(
    {
      entitySet: target.entitySet,
      targetId: target.id,
      subordinateId: subordinate.id,
      ...(updateContent && { updateContent }),
      performParentingChecks,
    },
    context,
  );
  return emptyResponse(204);
}

/**
 * Merges the subordinate row into the target as Dataverse does: writes `updateContent` on the
 * target; deactivates the subordinate (`statecode` 1, `statuscode` 2), marks it `merged` and points
 * its `masterid` at the target; moves the rows that link to the subordinate (any lookup but
 * `masterid`) to the target. Throws a `DataverseErrorResponse`: 404 when either row is missing,
 * 400 for a row merged with itself, an inactive target or subordinate, or (with parenting checks)
 * a subordinate with another parent. A subordinate already merged into this target is left as it
 * is (`alreadyMerged`); Dataverse refuses that as an inactive subordinate.
 */
export function mergeRows(input: MergeInput, context: WebApiContext): MergeOutcome {
  const table = context.tables[input.entitySet];
  if (!table || !mergeableEntities.has(table.logicalName)) {
    throw invalidArgument(`This type: ${table?.logicalName ?? input.entitySet} is not supported with merge operation`);
  }
  const targetId = input.targetId.toLowerCase();
  const subordinateId = input.subordinateId.toLowerCase();
  if (targetId === subordinateId) throw invalidArgument('Merge cannot be performed on master and sub-entities that are identical.');
  const target = existing(input.entitySet, table, targetId, context);
  const subordinate = existing(input.entitySet, table, subordinateId, context);
  const masterColumn = lookupValueColumn('masterid');
  if (subordinate['merged'] === true && subordinate[masterColumn] === targetId) return 'alreadyMerged';
  if (target['statecode'] !== 0) throw invalidArgument(`master entity:${table.logicalName}-${targetId} is deactive`);
  if (subordinate['statecode'] !== 0) throw invalidArgument(`sub-entity:${table.logicalName}-${subordinateId} is deactive`);

  const values = input.updateContent
    ? columnValuesFromObject(input.updateContent, { entitySet: input.entitySet, table, tables: context.tables, store: context.store, id: targetId })
    : {};
  const parentColumn = parentLookupColumns[table.logicalName];
  if (input.performParentingChecks && parentColumn) {
    const targetParent = { ...target, ...values }[parentColumn] ?? null;
    const subordinateParent = subordinate[parentColumn] ?? null;
    if (targetParent !== null && subordinateParent !== null && targetParent !== subordinateParent) {
      throw invalidArgument('Merge warning: sub-entity will be differently parented.');
    }
  }

  const modifiedon = toDataverseInstant(context.now());
  const { store } = context;
  store.put(input.entitySet, targetId, { ...target, ...values, modifiedon, versionnumber: store.nextVersion() });
  store.put(input.entitySet, subordinateId, {
    ...subordinate,
    statecode: 1,
    statuscode: 2,
    merged: true,
    [masterColumn]: targetId,
    modifiedon,
    versionnumber: store.nextVersion(),
  });
  moveRelatedRows(input.entitySet, subordinateId, targetId, modifiedon, context);
  context.onEvent?.({
    message: 'Merge',
    entity: table.logicalName,
    id: targetId,
    subordinateId,
    updateContent: xrmEntity(table.logicalName, undefined, xrmAttributes(table, values, context.tables, store)),
    performParentingChecks: input.performParentingChecks,
  });
  return 'merged';
}

/** Re-points every lookup (but `masterid`) at `fromId` to `toId`, in every table; the two merged rows keep their own links. */
function moveRelatedRows(entitySet: string, fromId: string, toId: string, modifiedon: string, context: WebApiContext): void {
  for (const [relatedSet, relatedTable] of Object.entries(context.tables)) {
    const columns = [
      ...new Set(
        Object.values(relatedTable.navigationProperties)
          .filter((navigation) => navigation.targetEntitySet === entitySet && !navigation.readOnly)
          .map((navigation) => lookupValueColumn(navigation.lookup)),
      ),
    ];
    if (columns.length === 0) continue;
    for (const row of context.store.all(relatedSet)) {
      const id = String(row[relatedTable.primaryKey]);
      if (relatedSet === entitySet && (id === fromId || id === toId)) continue;
      const linked = columns.filter((column) => row[column] === fromId);
      if (linked.length === 0) continue;
      const moved: Row = { ...row, ...Object.fromEntries(linked.map((column) => [column, toId])), modifiedon, versionnumber: context.store.nextVersion() };
      context.store.put(relatedSet, id, moved);
    }
  }
}

interface EntityParameter {
  entitySet: string;
  table: TableDefinition;
  id: string;
}

/** `{ "@odata.type": "Microsoft.Dynamics.CRM.contact", "contactid": "<guid>", … }`; other properties are ignored. */
function entityParameter(body: Record<string, unknown>, name: string, context: WebApiContext): EntityParameter {
  const value = body[name];
  if (!isObject(value)) throw payloadError(`The parameter '${name}' of the operation 'Merge' is required and must be an entity object.`);
  const type = value['@odata.type'];
  const logicalName = typeof type === 'string' ? /^#?Microsoft\.Dynamics\.CRM\.(\w+)$/.exec(type)?.[1] : undefined;
  if (logicalName === undefined) {
    throw payloadError(`The parameter '${name}' needs '@odata.type' ("Microsoft.Dynamics.CRM.<table>"): the Merge action's parameters are of the base type crmbaseentity.`);
  }
  const entry = Object.entries(context.tables).find(([, table]) => table.logicalName === logicalName);
  if (!entry) {
    throw payloadError(`A type named 'Microsoft.Dynamics.CRM.${logicalName}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`);
  }
  const [entitySet, table] = entry;
  if (!mergeableEntities.has(logicalName)) throw invalidArgument(`This type: ${logicalName} is not supported with merge operation`);
  const id = value[table.primaryKey];
  if (typeof id !== 'string' || !isGuid(id)) {
    throw payloadError(`The parameter '${name}' must carry the row's key '${table.primaryKey}' as a GUID (got ${JSON.stringify(id ?? null)}).`);
  }
  return { entitySet, table, id: id.toLowerCase() };
}

function updateContentParameter(value: unknown, table: TableDefinition): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw payloadError("The parameter 'UpdateContent' of the operation 'Merge' must be an entity object.");
  const type = value['@odata.type'];
  if (type !== undefined && type !== `Microsoft.Dynamics.CRM.${table.logicalName}` && type !== `#Microsoft.Dynamics.CRM.${table.logicalName}`) {
    throw invalidArgument(`The UpdateContent of a merge of ${table.logicalName} rows must be a ${table.logicalName} (got ${String(type)}).`);
  }
  return value;
}

function existing(entitySet: string, table: TableDefinition, id: string, context: WebApiContext): Row {
  const row = context.store.get(entitySet, id);
  if (!row) throw new DataverseErrorResponse(404, errorCodes.objectDoesNotExist, `Entity '${table.logicalName}' With Id = ${id} Does Not Exist`);
  return row;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalidArgument(message: string): DataverseErrorResponse {
  return new DataverseErrorResponse(400, errorCodes.invalidArgument, message);
}
