/** A G/L account of the simulated chart of accounts (BC: the `accounts` entity, table "G/L Account"). */
export interface GlAccountSetup {
  /** "No.", Code[20]. */
  number: string;
  displayName: string;
  /** BC's account category; default `Income`. */
  category?: 'Assets' | 'Liabilities' | 'Equity' | 'Income' | 'CostOfGoodsSold' | 'Expense';
  /** A blocked account is refused on journal lines, as in BC. */
  blocked?: boolean;
}

/** A dimension (BC: `dimensions`) and the values it accepts on dimension set lines. */
export interface DimensionSetup {
  /** Code[20]. */
  code: string;
  displayName: string;
  /** Value codes (Code[20]); omitted: any value code is accepted (a simplification: see README.md). */
  values?: string[];
}

export interface CompanySetup {
  /** The company's id (SystemId, a GUID): what `companies({id})` takes. */
  id: string;
  name: string;
  displayName: string;
}

/** A general journal batch (BC: `journals`). */
export interface JournalSetup {
  /** Code[10]. */
  code: string;
  displayName: string;
}

export interface BusinessCentralSetup {
  company: CompanySetup;
  journals: JournalSetup[];
  accounts: GlAccountSetup[];
  dimensions: DimensionSetup[];
}

/** The engine's default income accounts and the payment channels' contra accounts (domain/bookkeeping). */
export const defaultGlAccounts: GlAccountSetup[] = [
  { number: '1010', displayName: 'Medlemskontingent', category: 'Income' },
  { number: '1020', displayName: 'Kollektive medlemmer', category: 'Income' },
  { number: '1030', displayName: 'Fast støtte', category: 'Income' },
  { number: '1040', displayName: 'Donationer', category: 'Income' },
  { number: '5810', displayName: 'NETS/BS', category: 'Assets' },
  { number: '5820', displayName: 'GIRO', category: 'Assets' },
  { number: '5830', displayName: 'Faktura', category: 'Assets' },
  { number: '5840', displayName: 'SMS', category: 'Assets' },
  { number: '5850', displayName: 'MobilePay', category: 'Assets' },
  { number: '5860', displayName: 'Kort', category: 'Assets' },
  { number: '5870', displayName: 'Bankoverførsel', category: 'Assets' },
  { number: '5880', displayName: 'Brugsforening', category: 'Assets' },
];

/** Project (sag) and budget line (sagsopgave): the dimensions the engine sets on its lines. */
export const defaultDimensions: DimensionSetup[] = [
  { code: 'SAG', displayName: 'Sag' },
  { code: 'SAGSOPGAVE', displayName: 'Sagsopgave' },
];
