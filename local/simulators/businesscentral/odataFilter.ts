import { BcError, bcErrorCodes } from './bcError.js';
import type { EntityType, Representation } from './representations.js';

type Operator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
type Literal = string | number | boolean;

export interface Comparison {
  property: string;
  operator: Operator;
  literal: Literal;
}

const operators = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const numberPattern = /^-?\d+(\.\d+)?$/;

/**
 * The `$filter` subset the simulator understands: `property op literal`, joined by `and`, where op is
 * eq, ne, gt, ge, lt or le and the literal is 'text' ('' for a quote), a number, true/false, or an
 * unquoted GUID or date. Anything else answers 400 as BC does for a syntax error.
 */
export function parseFilter(filter: string, type: EntityType): Comparison[] {
  const tokens = filter.match(/'(?:[^']|'')*'|[^\s]+/g) ?? [];
  const comparisons: Comparison[] = [];
  for (let i = 0; ; i += 4) {
    const [property, operator, literal, joiner] = tokens.slice(i, i + 4);
    if (property === undefined || operator === undefined || literal === undefined || !operators.has(operator)) throw syntaxError();
    if (!type.properties.includes(property)) {
      throw new BcError(400, bcErrorCodes.querySyntax, `Could not find a property named '${property}' on type 'Microsoft.NAV.${type.name}'.`);
    }
    comparisons.push({ property, operator: operator as Operator, literal: parseLiteral(literal) });
    if (joiner === undefined) return comparisons;
    if (joiner !== 'and') throw syntaxError();
  }
}

/** Text compares without regard to case, as in BC's (case-insensitive) database collation. */
export function matchesFilter(entity: Representation, comparisons: Comparison[]): boolean {
  return comparisons.every(({ property, operator, literal }) => {
    const order = compare(entity[property], literal);
    if (order === undefined) return operator === 'ne';
    switch (operator) {
      case 'eq':
        return order === 0;
      case 'ne':
        return order !== 0;
      case 'gt':
        return order > 0;
      case 'ge':
        return order >= 0;
      case 'lt':
        return order < 0;
      case 'le':
        return order <= 0;
    }
  });
}

function compare(value: unknown, literal: Literal): number | undefined {
  if (typeof value === 'number' && typeof literal === 'number') return Math.sign(value - literal);
  if (typeof value === 'boolean' && typeof literal === 'boolean') return value === literal ? 0 : 1;
  if (typeof value === 'string' && typeof literal === 'string') {
    const [left, right] = [value.toUpperCase(), literal.toUpperCase()];
    return left === right ? 0 : left < right ? -1 : 1;
  }
  return undefined;
}

function parseLiteral(token: string): Literal {
  if (token.length >= 2 && token.startsWith("'") && token.endsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
  if (token === 'true' || token === 'false') return token === 'true';
  if (numberPattern.test(token)) return Number(token);
  if (guidPattern.test(token) || datePattern.test(token)) return token;
  throw syntaxError();
}

function syntaxError(): BcError {
  return new BcError(400, bcErrorCodes.querySyntax, 'Bad Request - Error in query syntax.');
}
