import { BcError, bcErrorCodes } from './bcError.js';
import type { CompanyStore } from './CompanyStore.js';
import type { Dimension, DimensionSetLine, DimensionValue, JournalLine } from './entities.js';
import { checkProperties, codeValue, guidValue } from './fieldValues.js';

const writable = ['id', 'code', 'displayName', 'valueId', 'valueCode', 'valueDisplayName'] as const;
const readOnly = { consolidationCode: 'Consolidation Code', parentId: 'Parent Id', parentType: 'Parent Type', valueConsolidationCode: 'Dimension Value Consolidation Code' };

/**
 * The dimension set line a POST adds to a journal line, validated as BC's dimensionSetLines API page
 * does: the dimension by `id` or `code`, its value by `valueId` or `valueCode`, each pair naming the
 * same record; a dimension the line already has is refused. Display names are BC's, not the client's.
 */
export function dimensionSetLineFor(body: Record<string, unknown>, line: JournalLine, store: CompanyStore): DimensionSetLine {
  checkProperties(body, 'dimensionSetLine', writable, readOnly);
  const dimension = dimensionOf(body, store);
  const value = dimensionValueOf(body, dimension, store);
  if (!dimension) dialog('The "id" or "code" field must be filled in.');
  if (!value) dialog('The "valueId" or "valueCode" field must be filled in.');
  if (line.dimensionSetLines.some((existing) => existing.dimensionId === dimension.id)) {
    dialog('The dimension set line already exists. Check existing dimension set lines and the default dimension set lines on the parent.');
  }
  return {
    dimensionId: dimension.id,
    code: dimension.code,
    displayName: dimension.displayName,
    valueId: value.id,
    valueCode: value.code,
    valueDisplayName: value.displayName,
  };
}

function dimensionOf(body: Record<string, unknown>, store: CompanyStore): Dimension | undefined {
  let dimension: Dimension | undefined;
  if ('id' in body) dimension = store.dimensionById(guidValue(body['id'])) ?? dialog('The "id" does not match to a Dimension.');
  if ('code' in body) {
    const code = codeValue(body['code'], 20);
    if (dimension && dimension.code !== code) dialog('The dimension field values do not match to a specific Dimension.');
    dimension ??= store.dimensionByCode(code) ?? dialog('The "code" does not match to a Dimension.');
  }
  return dimension;
}

/** Without a dimension, the value cannot be looked up; BC then fails on the missing dimension. */
function dimensionValueOf(body: Record<string, unknown>, dimension: Dimension | undefined, store: CompanyStore): DimensionValue | undefined {
  let value: DimensionValue | undefined;
  if ('valueId' in body) {
    const id = guidValue(body['valueId']);
    value = (dimension && [...dimension.values.values()].find((candidate) => candidate.id === id)) ?? dialog('The "valueId" does not match to a Dimension Value.');
  }
  if ('valueCode' in body) {
    const code = codeValue(body['valueCode'], 20);
    if (value && value.code !== code) {
      dialog('The values of the "dimensionCode" field and the "dimensionId" field do not refer to the same Dimension Value.');
    }
    value ??= (dimension && store.dimensionValue(dimension, code)) ?? dialog('The "valueCode" does not match to a Dimension Value.');
  }
  return value;
}

function dialog(message: string): never {
  throw new BcError(400, bcErrorCodes.dialog, message);
}
