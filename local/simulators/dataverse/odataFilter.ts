import { DataverseErrorResponse, errorCodes } from './ApiResponse.js';
import type { Row } from './TableStore.js';
import { type TableDefinition, edmTypeOf } from './tableDefinitions.js';

type Literal =
  | { type: 'Edm.String'; value: string }
  | { type: 'number'; value: number }
  | { type: 'Edm.Boolean'; value: boolean }
  | { type: 'Edm.Guid'; value: string }
  | { type: 'Edm.DateTimeOffset' | 'Edm.Date'; value: string }
  | { type: 'null'; value: null };

export interface Comparison {
  column: string;
  operator: 'eq' | 'ne';
  literal: Literal;
}

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const numberTypes = new Set(['Edm.Int32', 'Edm.Int64', 'Edm.Decimal', 'Edm.Double']);

/**
 * Parses the `$filter` subset the simulator supports: `column eq|ne literal`, joined by `and`.
 * Literals: 'text' (with '' for a quote), numbers, true, false, null, GUIDs and dates unquoted.
 * Anything else answers 400, saying it is the simulator's limit and not Dataverse's.
 */
export function parseFilter(filter: string, table: TableDefinition): Comparison[] {
  const tokens = tokenize(filter);
  const comparisons: Comparison[] = [];
  for (let i = 0; ; i += 4) {
    const [column, operator, literal, joiner] = tokens.slice(i, i + 4);
    if (column === undefined || operator === undefined || literal === undefined) throw unsupported(filter);
    comparisons.push(comparison(column, operator, literal, table));
    if (joiner === undefined) return comparisons;
    if (joiner.toLowerCase() !== 'and') throw unsupported(filter);
  }
}

export function matchesFilter(row: Row, comparisons: Comparison[]): boolean {
  return comparisons.every(({ column, operator, literal }) => {
    const equal = sameValue(row[column] ?? null, literal);
    return operator === 'eq' ? equal : !equal;
  });
}

/** String comparison is case-insensitive, as in Dataverse's default SQL collation. */
function sameValue(value: unknown, literal: Literal): boolean {
  switch (literal.type) {
    case 'null':
      return value === null;
    case 'Edm.String':
    case 'Edm.Guid':
      return typeof value === 'string' && value.toLowerCase() === literal.value.toLowerCase();
    case 'Edm.DateTimeOffset':
      return typeof value === 'string' && Date.parse(value) === Date.parse(literal.value);
    default:
      return value === literal.value;
  }
}

function comparison(column: string, operator: string, rawLiteral: string, table: TableDefinition): Comparison {
  const columnType = edmTypeOf(table, column);
  if (!columnType) {
    throw new DataverseErrorResponse(
      400,
      errorCodes.queryOrPayloadError,
      `Could not find a property named '${column}' on type 'Microsoft.Dynamics.CRM.${table.logicalName}'.`,
    );
  }
  const op = operator.toLowerCase();
  if (op !== 'eq' && op !== 'ne') throw unsupported(`${column} ${operator} ${rawLiteral}`);
  const literal = parseLiteral(rawLiteral);
  if (!compatible(columnType, literal)) {
    const literalType = literal.type === 'number' ? 'Edm.Int32' : literal.type;
    throw new DataverseErrorResponse(
      400,
      errorCodes.queryOrPayloadError,
      `A binary operator with incompatible types was detected. Found operand types '${columnType}' and '${literalType}' for operator kind '${op === 'eq' ? 'Equal' : 'NotEqual'}'.`,
    );
  }
  return { column, operator: op, literal };
}

function compatible(columnType: string, literal: Literal): boolean {
  if (literal.type === 'null') return true;
  if (literal.type === 'number') return numberTypes.has(columnType);
  return literal.type === columnType;
}

function parseLiteral(raw: string): Literal {
  if (raw.startsWith("'")) return { type: 'Edm.String', value: raw.slice(1, -1).replaceAll("''", "'") };
  const lower = raw.toLowerCase();
  if (lower === 'null') return { type: 'null', value: null };
  if (lower === 'true' || lower === 'false') return { type: 'Edm.Boolean', value: lower === 'true' };
  if (guidPattern.test(raw)) return { type: 'Edm.Guid', value: lower };
  if (datePattern.test(raw)) return { type: 'Edm.Date', value: raw };
  if (dateTimePattern.test(raw)) return { type: 'Edm.DateTimeOffset', value: raw };
  if (/^-?\d+(\.\d+)?$/.test(raw)) return { type: 'number', value: Number(raw) };
  throw new DataverseErrorResponse(400, errorCodes.queryOrPayloadError, `Syntax error at '${raw}' in the $filter expression.`);
}

/** Splits on whitespace, keeping quoted strings whole; parentheses are not part of the subset. */
function tokenize(filter: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < filter.length) {
    const char = filter[i]!;
    if (/\s/.test(char)) {
      i++;
    } else if (char === "'") {
      let end = i + 1;
      while (end < filter.length && !(filter[end] === "'" && filter[end + 1] !== "'")) end += filter[end] === "'" ? 2 : 1;
      if (end >= filter.length) {
        throw new DataverseErrorResponse(400, errorCodes.queryOrPayloadError, 'There is an unterminated string literal in the $filter expression.');
      }
      tokens.push(filter.slice(i, end + 1));
      i = end + 1;
    } else if (char === '(' || char === ')') {
      throw unsupported(filter);
    } else {
      let end = i;
      while (end < filter.length && !/[\s()]/.test(filter[end]!)) end++;
      tokens.push(filter.slice(i, end));
      i = end;
    }
  }
  return tokens;
}

function unsupported(expression: string): DataverseErrorResponse {
  return new DataverseErrorResponse(
    400,
    errorCodes.queryOrPayloadError,
    `The Dataverse simulator does not support the $filter expression '${expression}'. It supports 'column eq|ne literal' joined by 'and'.`,
  );
}
