import { randomUUID } from 'node:crypto';
import { BcError, bcErrorCodes } from './bcError.js';
import type {
  CompanyRecord,
  Dimension,
  DimensionSetLine,
  DimensionValue,
  GlAccount,
  GlEntry,
  Journal,
  JournalLine,
  JournalLineFields,
  PostedJournalLine,
} from './entities.js';
import type { BusinessCentralSetup, DimensionSetup, GlAccountSetup } from './setup.js';

/** The journal template the simulated journals belong to (BC's default general journal template). */
const journalTemplate = 'GENERAL';
const lineNumberStep = 10_000;
/** The blank Gen. Journal Document Type, as the API reference shows it (see README.md on enum values). */
const blankDocumentType = ' ';

/**
 * The simulated company's data, in memory: its chart of accounts, dimensions, journals with their
 * lines, the lines posted so far and the G/L entries they made. Ids are fresh GUIDs (BC's
 * SystemIds), except the company's.
 */
export class CompanyStore {
  readonly company: CompanyRecord;
  private accountsByNumber = new Map<string, GlAccount>();
  private dimensionsByCode = new Map<string, Dimension>();
  private readonly journalsById = new Map<string, Journal>();
  private posted: PostedJournalLine[] = [];
  private ledger: GlEntry[] = [];

  constructor(
    setup: BusinessCentralSetup,
    private readonly now: () => Date,
  ) {
    const createdAt = this.timestamp();
    this.company = { ...setup.company, id: setup.company.id.toLowerCase(), createdAt };
    for (const journal of setup.journals) {
      const id = randomUUID();
      this.journalsById.set(id, { id, code: journal.code.toUpperCase(), displayName: journal.displayName, templateDisplayName: journalTemplate, lastModifiedDateTime: createdAt, lines: [] });
    }
    this.setAccounts(setup.accounts);
    this.setDimensions(setup.dimensions);
  }

  accounts(): GlAccount[] {
    return [...this.accountsByNumber.values()].sort((a, b) => a.number.localeCompare(b.number));
  }

  accountByNumber(number: string): GlAccount | undefined {
    return this.accountsByNumber.get(number.toUpperCase());
  }

  accountById(id: string): GlAccount | undefined {
    return this.accounts().find((account) => account.id === id.toLowerCase());
  }

  /** Replaces the chart of accounts; an account number kept keeps its id. */
  setAccounts(accounts: GlAccountSetup[]): void {
    const now = this.timestamp();
    this.accountsByNumber = new Map(
      accounts.map((account) => {
        const number = account.number.toUpperCase();
        const id = this.accountsByNumber.get(number)?.id ?? randomUUID();
        return [number, { id, number, displayName: account.displayName, category: account.category ?? 'Income', blocked: account.blocked ?? false, lastModifiedDateTime: now }];
      }),
    );
  }

  dimensions(): Dimension[] {
    return [...this.dimensionsByCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  }

  dimensionByCode(code: string): Dimension | undefined {
    return this.dimensionsByCode.get(code.toUpperCase());
  }

  dimensionById(id: string): Dimension | undefined {
    return this.dimensions().find((dimension) => dimension.id === id.toLowerCase());
  }

  /** Replaces the dimensions; a dimension code kept keeps its id. */
  setDimensions(dimensions: DimensionSetup[]): void {
    const now = this.timestamp();
    this.dimensionsByCode = new Map(
      dimensions.map((setup) => {
        const code = setup.code.toUpperCase();
        const values = new Map<string, DimensionValue>(
          (setup.values ?? []).map((value) => [value.toUpperCase(), { id: randomUUID(), code: value.toUpperCase(), displayName: value }]),
        );
        const id = this.dimensionsByCode.get(code)?.id ?? randomUUID();
        return [code, { id, code, displayName: setup.displayName, acceptsAnyValue: setup.values === undefined, values, lastModifiedDateTime: now }];
      }),
    );
  }

  /** The dimension's value with this code; a dimension that accepts any value gets it on first use. */
  dimensionValue(dimension: Dimension, code: string): DimensionValue | undefined {
    const existing = dimension.values.get(code);
    if (existing || !dimension.acceptsAnyValue || code === '') return existing;
    const created = { id: randomUUID(), code, displayName: code };
    dimension.values.set(code, created);
    return created;
  }

  journals(): Journal[] {
    return [...this.journalsById.values()];
  }

  journalById(id: string): Journal | undefined {
    return this.journalsById.get(id.toLowerCase());
  }

  journalByCode(code: string): Journal | undefined {
    return this.journals().find((journal) => journal.code === code.toUpperCase());
  }

  /** Inserts a line; line number 0 takes the last line's number + 10000, as BC does. */
  addLine(journal: Journal, fields: JournalLineFields): JournalLine {
    const last = journal.lines.at(-1)?.lineNumber ?? 0;
    const lineNumber = fields.lineNumber === 0 ? last + lineNumberStep : fields.lineNumber;
    if (journal.lines.some((line) => line.lineNumber === lineNumber)) {
      throw new BcError(
        409,
        bcErrorCodes.sameKeyExists,
        `The Gen. Journal Line already exists. Identification fields and values: Journal Template Name='${journal.templateDisplayName}',Journal Batch Name='${journal.code}',Line No.='${lineNumber}'`,
      );
    }
    const line: JournalLine = { ...fields, lineNumber, id: randomUUID(), journalId: journal.id, lastModifiedDateTime: this.timestamp(), version: 1, dimensionSetLines: [] };
    journal.lines = [...journal.lines, line].sort((a, b) => a.lineNumber - b.lineNumber);
    return line;
  }

  deleteLine(journal: Journal, lineId: string): void {
    journal.lines = journal.lines.filter((line) => line.id !== lineId);
  }

  /** Adds a dimension to the line's dimension set, which changes the line (its ETag and lastModifiedDateTime). */
  addDimensionSetLine(line: JournalLine, dimensionSetLine: DimensionSetLine): void {
    line.dimensionSetLines = [...line.dimensionSetLines, dimensionSetLine].sort((a, b) => a.code.localeCompare(b.code));
    line.version++;
    line.lastModifiedDateTime = this.timestamp();
  }

  /**
   * What an accountant's "Post" does to the journal: each line becomes G/L entries and leaves the
   * journal. Nothing is checked (BC refuses a journal that does not balance, among other things).
   */
  postJournal(journal: Journal): PostedJournalLine[] {
    const postedAt = this.timestamp();
    const posted = journal.lines.map((line) => ({ ...line, journalCode: journal.code, postedAt }));
    for (const line of posted) this.addGlEntries(line);
    this.posted = [...this.posted, ...posted];
    journal.lines = [];
    return posted;
  }

  postedLines(): PostedJournalLine[] {
    return [...this.posted];
  }

  /** The general ledger, in entry number order. */
  glEntries(): GlEntry[] {
    return [...this.ledger];
  }

  /**
   * A line with a balancing account posts as BC posts it: an entry on the line's account, then one
   * on the balancing account with the amount on the other side (a positive amount debits the
   * account and credits the balancing account). A side without an account makes no entry.
   */
  private addGlEntries(line: PostedJournalLine): void {
    const sides = [
      { accountId: line.accountId, accountNumber: line.accountNumber, amount: line.amount },
      { accountId: line.balancingAccountId, accountNumber: line.balancingAccountNumber, amount: -line.amount },
    ];
    for (const { accountId, accountNumber, amount } of sides) {
      if (accountNumber === '') continue;
      this.ledger.push({
        id: randomUUID(),
        entryNumber: (this.ledger.at(-1)?.entryNumber ?? 0) + 1,
        postingDate: line.postingDate,
        documentNumber: line.documentNumber,
        documentType: blankDocumentType,
        accountId,
        accountNumber,
        description: line.description,
        debitAmount: amount > 0 ? amount : 0,
        creditAmount: amount < 0 ? -amount : 0,
        lastModifiedDateTime: line.postedAt,
        dimensionSetLines: [...line.dimensionSetLines],
      });
    }
  }

  /** Back to the setup: no lines, nothing posted, no G/L entries, the setup's accounts and dimensions; ids stay as they were. */
  restore(setup: Pick<BusinessCentralSetup, 'accounts' | 'dimensions'>): void {
    for (const journal of this.journalsById.values()) journal.lines = [];
    this.posted = [];
    this.ledger = [];
    this.setAccounts(setup.accounts);
    this.setDimensions(setup.dimensions);
  }

  private timestamp(): string {
    return this.now().toISOString();
  }
}
