import { type Campaign, type CampaignKind, type CampaignSource, campaignKinds, campaignSources } from '../../domain/bookkeeping/Campaign.js';
import { campaignCodingOf } from '../../domain/bookkeeping/campaignCoding.js';
import type { RowProblem } from '../../domain/bookkeeping/ImportedPaymentRow.js';
import { type ColumnAliases, columnsByAlias, isBlankRow, valueCountProblem, valueOf } from './importColumns.js';
import { parseCsv } from './parseCsv.js';

/** Column names accepted per field (Danish and English). */
export const campaignColumnAliases = {
  code: ['kampagnekode', 'code', 'campaign code'],
  name: ['navn', 'name', 'kampagnenavn'],
  accountNumber: ['konto', 'account'],
  project: ['sag', 'project'],
  budgetLine: ['sagsopgave', 'budget line', 'budgetline'],
  restricted: ['øremærket', 'restricted'],
  source: ['kilde', 'source'],
  kind: ['type', 'kind'],
} as const satisfies ColumnAliases<keyof Omit<Campaign, 'updatedAt'>>;

const restrictedValues: Record<string, boolean> = { ja: true, yes: true, true: true, rf: true, nej: false, no: false, false: false, nrf: false, gf: false };

/**
 * [Kampagnemodel] Reads finance's campaign table (kampagnekode, navn, konto, sag, sagsopgave,
 * øremærket, kilde, type; Danish or English column names, without regard to case) into campaigns
 * stamped `updatedAt = now`. Øremærket is ja/nej, yes/no, true/false or RF/NRF (legacy GF = NRF).
 * Where the øremærket, kilde or type column is absent or blank, the coding in the campaign's name
 * ("DON_WEB_RF_Gaza2026") says it; where a filled column contradicts the name, the row is a problem
 * rather than a guess, since restricted money posted as free money is hard to undo.
 *
 * A file without a code or name column is refused (`MissingImportColumnsError`). A row that cannot
 * be read is reported by line and field, and good rows are returned all the same: a row with more
 * or fewer values than the header, no code or name, a restriction neither filled nor in the name,
 * a source or kind outside the allowed values, or a code already on an earlier line (codes compare
 * without regard to case). Rows with only empty values are skipped.
 */
export function campaignImportRows(text: string, now: string): { campaigns: Campaign[]; problems: RowProblem[] } {
  const { columns, rows } = parseCsv(text);
  const column = columnsByAlias(columns, campaignColumnAliases, ['code', 'name']);
  const campaigns: Campaign[] = [];
  const problems: RowProblem[] = [];
  const lineOfCode = new Map<string, number>();
  for (const row of rows) {
    if (isBlankRow(row)) continue;
    const countProblem = valueCountProblem(row, columns.length);
    if (countProblem) {
      problems.push(countProblem);
      continue;
    }
    const { line } = row;
    const rowProblems: RowProblem[] = [];
    const problem = (field: string, text: string) => rowProblems.push({ line, field, problem: text });

    const code = valueOf(row, column.code);
    const key = code.toUpperCase();
    if (!code) problem('code', 'required');
    else if (lineOfCode.has(key)) problem('code', `"${code}" is also on line ${lineOfCode.get(key)}`);
    else lineOfCode.set(key, line);

    const name = valueOf(row, column.name);
    if (!name) problem('name', 'required');
    const coding = campaignCodingOf(name);

    const restricted = chosen('restricted', readRestricted(valueOf(row, column.restricted)), coding.restricted, problem);
    if (restricted === undefined && !rowProblems.some(({ field }) => field === 'restricted')) problem('restricted', 'say _RF or _NRF in the name, or fill the column');
    const source = chosen('source', readAllowed(valueOf(row, column.source), campaignSources), coding.source, problem);
    const kind = chosen('kind', readAllowed(valueOf(row, column.kind), campaignKinds), coding.kind, problem);

    if (rowProblems.length > 0 || restricted === undefined) {
      problems.push(...rowProblems);
      continue;
    }
    const accountNumber = valueOf(row, column.accountNumber);
    const project = valueOf(row, column.project);
    const budgetLine = valueOf(row, column.budgetLine);
    campaigns.push({
      code,
      name,
      restricted,
      ...(source && { source }),
      ...(kind && { kind }),
      ...(accountNumber && { accountNumber }),
      ...(project && { project }),
      ...(budgetLine && { budgetLine }),
      updatedAt: now,
    });
  }
  return { campaigns, problems };
}

/** A column's reading: blank, a value, or why the text is not one. */
type Reading<T> = { blank: true } | { value: T } | { problem: string };

/** The column's value when filled, else the name's; a problem when the two disagree or the column cannot be read. */
function chosen<T extends string | boolean>(field: string, fromColumn: Reading<T>, fromName: T | undefined, problem: (field: string, text: string) => void): T | undefined {
  if ('problem' in fromColumn) {
    problem(field, fromColumn.problem);
    return undefined;
  }
  if ('blank' in fromColumn) return fromName;
  if (fromName !== undefined && fromName !== fromColumn.value) {
    problem(field, `the column says ${describe(field, fromColumn.value)} but the name says ${describe(field, fromName)}; make them agree`);
    return undefined;
  }
  return fromColumn.value;
}

function readRestricted(text: string): Reading<boolean> {
  if (!text) return { blank: true };
  const value = restrictedValues[text.toLowerCase()];
  return value === undefined ? { problem: `"${text}" is not one of ja, nej, yes, no, true, false, RF, NRF, GF` } : { value };
}

function readAllowed<T extends CampaignSource | CampaignKind>(text: string, allowed: readonly T[]): Reading<T> {
  if (!text) return { blank: true };
  const value = allowed.find((candidate) => candidate === text.toUpperCase());
  return value === undefined ? { problem: `"${text}" is not one of ${allowed.join(', ')}` } : { value };
}

function describe(field: string, value: string | boolean): string {
  if (field === 'restricted') return value ? 'restricted (RF)' : 'not restricted (NRF)';
  return String(value);
}
