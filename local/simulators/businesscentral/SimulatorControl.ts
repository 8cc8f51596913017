import type { Clock } from '../../../domain/shared/Clock.js';
import { type AppRegistration, EntraTokenIssuer } from '../shared/EntraTokenIssuer.js';
import { SimulatorControlBase } from '../shared/SimulatorControlBase.js';
import { CompanyStore } from './CompanyStore.js';
import type { DimensionSetLine, GlEntry, JournalLine, PostedJournalLine } from './entities.js';
import { type JournalLineJson, type Representation, generalLedgerEntryRepresentation, journalLineRepresentation } from './representations.js';
import { type RequestLimits, RequestLimiter } from './RequestLimiter.js';
import type { BusinessCentralSetup, DimensionSetup, GlAccountSetup } from './setup.js';

/** The resource (token audience) of Business Central's API; its scope is `<resource>/.default`. */
export const businessCentralResource = 'https://api.businesscentral.dynamics.com';

export interface SimulatorSettings {
  /** The app registration the simulated Entra ID issues tokens to. */
  app: AppRegistration;
  environmentName: string;
  setup: BusinessCentralSetup;
  limits: RequestLimits;
  maxPageSize: number;
  tokenLifetimeSeconds: number;
  /** The company's time zone, for the work date (the default posting date). */
  timeZone: string;
  clock: Clock;
}

/** A journal line as BC stores it, with its journal's code and its dimensions: what tests assert on. */
export type JournalLineRecord = JournalLineJson & {
  journalCode: string;
  dimensionSetLines: DimensionRecord[];
};

export type PostedJournalLineRecord = JournalLineRecord & { postedAt: string };

/** A dimension of a journal line or G/L entry, as tests assert on it. */
export interface DimensionRecord {
  code: string;
  valueCode: string;
  displayName: string;
  valueDisplayName: string;
}

/** A G/L entry as the API shows it, with the dimensions of the journal line it was posted from. */
export type GeneralLedgerEntryRecord = Representation & { dimensionSetLines: DimensionRecord[] };

/** The simulated Business Central's state and everything a test or a developer can do to it. */
export class SimulatorControl extends SimulatorControlBase {
  readonly store: CompanyStore;
  readonly tokens: EntraTokenIssuer;
  readonly limiter: RequestLimiter;
  private pageSize: number;

  constructor(readonly settings: SimulatorSettings) {
    super();
    const now = () => settings.clock.now();
    this.store = new CompanyStore(settings.setup, now);
    this.tokens = new EntraTokenIssuer(settings.app, businessCentralResource, settings.tokenLifetimeSeconds, settings.clock);
    this.limiter = new RequestLimiter(settings.limits, () => settings.clock.now().getTime());
    this.pageSize = settings.maxPageSize;
  }

  get companyId(): string {
    return this.store.company.id;
  }

  /** The lines in the journals (one journal's with `journalCode`), in line number order. */
  journalLines(journalCode?: string): JournalLineRecord[] {
    return this.store
      .journals()
      .filter((journal) => journalCode === undefined || journal.code === journalCode.toUpperCase())
      .flatMap((journal) => journal.lines.map((line) => lineRecord(line, journal.code)));
  }

  /** Posts a journal as an accountant would: its lines become G/L entries and leave the journal (see `postedJournalLines`). */
  postJournal(journalCode: string): PostedJournalLineRecord[] | undefined {
    const journal = this.store.journalByCode(journalCode);
    return journal && this.store.postJournal(journal).map(postedRecord);
  }

  postedJournalLines(): PostedJournalLineRecord[] {
    return this.store.postedLines().map(postedRecord);
  }

  /** The G/L entries posting made (those of one document with `documentNumber`), in entry number order. */
  generalLedgerEntries(documentNumber?: string): GeneralLedgerEntryRecord[] {
    return this.store
      .glEntries()
      .filter((entry) => documentNumber === undefined || entry.documentNumber === documentNumber.toUpperCase())
      .map(entryRecord);
  }

  accounts(): (GlAccountSetup & { id: string })[] {
    return this.store.accounts().map(({ id, number, displayName, category, blocked }) => ({ id, number, displayName, category: category as GlAccountSetup['category'], blocked }));
  }

  setAccounts(accounts: GlAccountSetup[]): void {
    this.store.setAccounts(accounts);
  }

  dimensions(): (DimensionSetup & { id: string })[] {
    return this.store.dimensions().map((dimension) => ({
      id: dimension.id,
      code: dimension.code,
      displayName: dimension.displayName,
      ...(!dimension.acceptsAnyValue && { values: [...dimension.values.keys()] }),
    }));
  }

  setDimensions(dimensions: DimensionSetup[]): void {
    this.store.setDimensions(dimensions);
  }

  limits(): RequestLimits {
    return this.limiter.current();
  }

  setLimits(limits: Partial<RequestLimits>): RequestLimits {
    this.limiter.setLimits({ ...this.limiter.current(), ...limits });
    return this.limiter.current();
  }

  get maxPageSize(): number {
    return this.pageSize;
  }

  setMaxPageSize(maxPageSize: number): void {
    this.pageSize = maxPageSize;
  }

  /** Refuses every token issued so far (the API answers 401 until the client fetches a new one). */
  expireTokens(): void {
    this.tokens.expireAll();
  }

  /** Today in the company's time zone (YYYY-MM-DD): BC's work date. */
  today(): string {
    return new Intl.DateTimeFormat('sv-SE', { timeZone: this.settings.timeZone }).format(this.settings.clock.now());
  }

  /** Back to how it started: no lines, no G/L entries, the setup's accounts, dimensions, limits and page size, no faults, an empty log. */
  override reset(): void {
    this.store.restore(this.settings.setup);
    this.faults.clear();
    this.log.clear();
    this.limiter.setLimits(this.settings.limits);
    this.pageSize = this.settings.maxPageSize;
  }
}

function lineRecord(line: JournalLine, journalCode: string): JournalLineRecord {
  return { ...journalLineRepresentation(line, journalCode), journalCode, dimensionSetLines: line.dimensionSetLines.map(dimensionRecord) };
}

function entryRecord(entry: GlEntry): GeneralLedgerEntryRecord {
  return { ...generalLedgerEntryRepresentation(entry), dimensionSetLines: entry.dimensionSetLines.map(dimensionRecord) };
}

function dimensionRecord({ code, valueCode, displayName, valueDisplayName }: DimensionSetLine): DimensionRecord {
  return { code, valueCode, displayName, valueDisplayName };
}

function postedRecord(line: PostedJournalLine): PostedJournalLineRecord {
  return { ...lineRecord(line, line.journalCode), postedAt: line.postedAt };
}
