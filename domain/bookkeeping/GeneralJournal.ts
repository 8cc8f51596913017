/**
 * One posting line as Business Central's general journal receives it. The lump sum is the money
 * MS received on the line (negative when refunds outweigh payments); which side is debit and which
 * is credit in BC is the adapter's business.
 */
export interface JournalLineToSend {
  /** The run's document number, shared by all its lines (BC: documentNumber, at most 20 characters). */
  documentNumber: string;
  /** Unique per posting line and stable across retries (BC: externalDocumentNumber, at most 35). */
  externalDocumentNumber: string;
  /** Business date, YYYY-MM-DD. */
  postingDate: string;
  /** The income account (G/L account number), e.g. members or donations. */
  accountNumber: string;
  /** The contra account of the payment channel (G/L account number), e.g. NETS/BS or MobilePay. */
  contraAccountNumber: string;
  /** Integer øre; money received is positive, refunds negative. */
  lumpSumOre: number;
  /** At most 100 characters (BC's limit). */
  description: string;
  /** Dimension values; the adapter knows BC's dimension codes for them. */
  project?: string;
  budgetLine?: string;
}

/** Port: Business Central's general journal the posting runs send their lines to ([Bogføring]). */
export interface GeneralJournal {
  /**
   * The lines already in the journal under `documentNumber`, by externalDocumentNumber, with BC's
   * id: a run that failed half-way asks this before sending again, so nothing is sent twice.
   */
  linesAlreadySent(documentNumber: string): Promise<Map<string, string>>;
  /**
   * Adds the dimensions a line found in the journal lacks: its creation may have succeeded while
   * the answer, and so the dimensions that follow it, were lost.
   */
  completeDimensions(journalLineId: string, line: JournalLineToSend): Promise<void>;
  /**
   * Whether BC has posted entries (G/L entries) under `documentNumber`: someone posted the journal
   * after lines of this document were sent. Posted lines leave the journal, so `linesAlreadySent`
   * no longer sees them.
   */
  hasPostedEntries(documentNumber: string): Promise<boolean>;
  /** Adds one line with its dimensions; resolves with BC's id of the new journal line. */
  send(line: JournalLineToSend): Promise<{ journalLineId: string }>;
}
