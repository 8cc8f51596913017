import type { GeneralJournal, JournalLineToSend } from '../../domain/bookkeeping/GeneralJournal.js';
import type { RetryPolicy, Sleep } from '../http/retryPolicy.js';
import { BusinessCentralApi } from './BusinessCentralApi.js';
import { UndimensionedJournalLineError } from './errors.js';
import { checkCodeFields, journalLineBody } from './journalLineBody.js';

export interface BusinessCentralJournalOptions {
  /** `https://api.businesscentral.dynamics.com/v2.0/<tenant>/<environment>/api/v2.0` */
  apiUrl: string;
  /** Entra ID's authority, "https://login.microsoftonline.com" in Azure. */
  authorityUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The company's id (a GUID), as in `companies(<id>)`. */
  companyId: string;
  /** The general journal batch the lines go to, e.g. "MSENGINE". */
  journalCode: string;
  /** BC's dimension code for a line's project; default "SAG". */
  projectDimension?: string;
  /** BC's dimension code for a line's budget line; default "SAGSOPGAVE". */
  budgetLineDimension?: string;
  retryPolicy?: RetryPolicy;
  sleep?: Sleep;
}

interface Page {
  value?: { id?: unknown; externalDocumentNumber?: unknown; code?: unknown }[];
  '@odata.nextLink'?: string;
}

/**
 * [Bogføring] The general journal in Business Central (API v2.0), where posting runs put their lines
 * for finance to post. A line is created with one POST and its dimensions with one POST each; POSTs
 * are repeated only after 429 (see `BusinessCentralApi`). After a 5xx or a timeout the line may
 * exist, so the error (`UnknownOutcomeError`) goes to the caller, whose resume asks
 * `linesAlreadySent`. A line whose dimensions cannot be added is deleted again before the error is
 * thrown, so no line stays in the journal without its dimensions. Posted lines leave the journal;
 * `hasPostedEntries` looks for their G/L entries instead.
 */
export class BusinessCentralJournal implements GeneralJournal {
  private readonly api: BusinessCentralApi;
  private readonly companyPath: string;
  private journalId: Promise<string> | undefined;

  constructor(private readonly options: BusinessCentralJournalOptions) {
    this.api = new BusinessCentralApi(options);
    this.companyPath = `companies(${options.companyId})`;
  }

  async linesAlreadySent(documentNumber: string): Promise<Map<string, string>> {
    const filter = encodeURIComponent(`documentNumber eq ${quoted(documentNumber)}`);
    const sent = new Map<string, string>();
    let next: string | undefined = `${await this.linesPath()}?$filter=${filter}&$select=id,externalDocumentNumber`;
    while (next) {
      const page = (await this.api.read(next, `GET journal lines of document ${documentNumber}`)) as Page;
      for (const line of page.value ?? []) if (typeof line.externalDocumentNumber === 'string' && typeof line.id === 'string') sent.set(line.externalDocumentNumber, line.id);
      next = page['@odata.nextLink'];
    }
    return sent;
  }

  /** Asks BC's general ledger for one entry of the document (`generalLedgerEntries`, $top=1). */
  async hasPostedEntries(documentNumber: string): Promise<boolean> {
    const filter = encodeURIComponent(`documentNumber eq ${quoted(documentNumber)}`);
    const path = `${this.companyPath}/generalLedgerEntries?$filter=${filter}&$top=1&$select=id`;
    const page = (await this.api.read(path, `GET G/L entries of document ${documentNumber}`)) as Page;
    return (page.value ?? []).length > 0;
  }

  async completeDimensions(journalLineId: string, line: JournalLineToSend): Promise<void> {
    const path = `${await this.linesPath()}(${journalLineId})/dimensionSetLines`;
    const page = (await this.api.read(path, `GET dimensions of journal line ${line.externalDocumentNumber}`)) as Page;
    const present = new Set((page.value ?? []).map((dimension) => String(dimension.code).toUpperCase()));
    for (const [code, valueCode] of this.dimensionsOf(line)) {
      if (!present.has(code.toUpperCase())) await this.api.create(path, { code, valueCode }, `POST dimension ${code} of journal line ${line.externalDocumentNumber}`);
    }
  }

  async send(line: JournalLineToSend): Promise<{ journalLineId: string }> {
    checkCodeFields(line);
    const linesPath = await this.linesPath();
    const created = await this.api.create(linesPath, journalLineBody(line), `POST journal line ${line.externalDocumentNumber}`);
    const journalLineId = String(created['id']);
    try {
      for (const [code, valueCode] of this.dimensionsOf(line)) {
        await this.api.create(`${linesPath}(${journalLineId})/dimensionSetLines`, { code, valueCode }, `POST dimension ${code} of journal line ${line.externalDocumentNumber}`);
      }
    } catch (error) {
      await this.api.delete(`${linesPath}(${journalLineId})`, `DELETE journal line ${line.externalDocumentNumber}`).catch((deleteError: unknown) => {
        throw new UndimensionedJournalLineError(journalLineId, line.externalDocumentNumber, { cause: new AggregateError([error, deleteError]) });
      });
      throw error;
    }
    return { journalLineId };
  }

  private dimensionsOf(line: JournalLineToSend): [string, string][] {
    const dimensions: [string, string | undefined][] = [
      [this.options.projectDimension ?? 'SAG', line.project],
      [this.options.budgetLineDimension ?? 'SAGSOPGAVE', line.budgetLine],
    ];
    return dimensions.filter((dimension): dimension is [string, string] => Boolean(dimension[1]));
  }

  private async linesPath(): Promise<string> {
    return `${this.companyPath}/journals(${await this.findJournalId()})/journalLines`;
  }

  /** The journal's id, looked up by its code once; a failed lookup is tried again next time. */
  private findJournalId(): Promise<string> {
    this.journalId ??= this.lookUpJournalId().catch((error: unknown) => {
      this.journalId = undefined;
      throw error;
    });
    return this.journalId;
  }

  private async lookUpJournalId(): Promise<string> {
    const { journalCode } = this.options;
    const filter = encodeURIComponent(`code eq ${quoted(journalCode)}`);
    const page = (await this.api.read(`${this.companyPath}/journals?$filter=${filter}`, `GET journal ${journalCode}`)) as { value?: { id?: unknown }[] };
    const id = page.value?.[0]?.id;
    if (typeof id !== 'string') throw new Error(`Business Central has no general journal '${journalCode}' in company ${this.options.companyId}`);
    return id;
  }
}

/** An OData string literal: single quotes, a quote inside doubled. */
function quoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
