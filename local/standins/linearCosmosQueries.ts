import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A node of the Babel syntax tree the stand-in's query compiler builds (only what is read here). */
interface SyntaxNode {
  type: string;
  [field: string]: unknown;
}

type Transformer = (queryAst: unknown) => SyntaxNode;

let installed = false;

/**
 * The Cosmos DB stand-in compiles a query to JavaScript that gathers its rows with
 * `documents.reduce(($, c) => [...$, { c }], [])`: the list is copied for every document, so a query
 * costs the square of the container's size (about 5 s over 17,000 documents). This wraps the
 * stand-in's compiler so that each such reduction becomes the equivalent, linear
 * `documents.flatMap((c) => [{ c }])`. Results are unchanged; only the cost is.
 */
export function makeStandInQueriesLinear(): void {
  if (installed) return;
  const compiler = require('@zeit/cosmosdb-query/lib/transformer.js') as { default: Transformer };
  const original = compiler.default;
  compiler.default = (queryAst) => rewriteAppendingReductions(original(queryAst));
  installed = true;
}

/** Rewrites, in place and innermost first, every `x.reduce(($, d) => [...$, ...], [])` into `x.flatMap((d) => [...])`. */
export function rewriteAppendingReductions(node: SyntaxNode): SyntaxNode {
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.filter(isNode).forEach(rewriteAppendingReductions);
    else if (isNode(value)) rewriteAppendingReductions(value);
  }
  const reducer = appendingReducer(node);
  if (!reducer) return node;
  const callee = node.callee as SyntaxNode;
  callee.property = { type: 'Identifier', name: 'flatMap' };
  node.arguments = [{ type: 'ArrowFunctionExpression', params: [reducer.params[1]], body: withoutAccumulator(reducer.body) }];
  return node;
}

/** The reducer of `x.reduce(($, d) => <appends to $>, [])`, or undefined for any other node. */
function appendingReducer(node: SyntaxNode): { params: SyntaxNode[]; body: SyntaxNode } | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const callee = node.callee as SyntaxNode;
  const args = node.arguments as SyntaxNode[];
  if (callee.type !== 'MemberExpression' || (callee.property as SyntaxNode).name !== 'reduce' || args.length !== 2) return undefined;
  const [reducer, initial] = args as [SyntaxNode, SyntaxNode];
  if (initial.type !== 'ArrayExpression' || (initial.elements as unknown[]).length !== 0) return undefined;
  if (reducer.type !== 'ArrowFunctionExpression') return undefined;
  const params = reducer.params as SyntaxNode[];
  if (params.length !== 2 || params[0]!.name !== '$') return undefined;
  const body = reducer.body as SyntaxNode;
  return appendsToAccumulator(body) ? { params, body } : undefined;
}

/** `[...$, a, ...b]`, or `test ? [...$, a] : $`. */
function appendsToAccumulator(body: SyntaxNode): boolean {
  if (body.type === 'ArrayExpression') return startsWithAccumulator(body);
  if (body.type !== 'ConditionalExpression') return false;
  const consequent = body.consequent as SyntaxNode;
  return consequent.type === 'ArrayExpression' && startsWithAccumulator(consequent) && isAccumulator(body.alternate as SyntaxNode);
}

/** The rows one document adds: `[a, ...b]`, or `test ? [a] : []`. */
function withoutAccumulator(body: SyntaxNode): SyntaxNode {
  if (body.type === 'ArrayExpression') return { type: 'ArrayExpression', elements: (body.elements as SyntaxNode[]).slice(1) };
  const consequent = body.consequent as SyntaxNode;
  return {
    ...body,
    consequent: { type: 'ArrayExpression', elements: (consequent.elements as SyntaxNode[]).slice(1) },
    alternate: { type: 'ArrayExpression', elements: [] },
  };
}

function startsWithAccumulator(array: SyntaxNode): boolean {
  const first = (array.elements as (SyntaxNode | null)[])[0];
  return first?.type === 'SpreadElement' && isAccumulator(first.argument as SyntaxNode);
}

function isAccumulator(node: SyntaxNode): boolean {
  return node.type === 'Identifier' && node.name === '$';
}

function isNode(value: unknown): value is SyntaxNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
