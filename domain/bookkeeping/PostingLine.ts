/** The dimensions one posting line sums over: day × contra account × budget line × project × account. */
export interface PostingDimensions {
  postingDate: string;
  contraAccountNumber: string;
  budgetLine?: string;
  project?: string;
  accountNumber: string;
}

/**
 * [Bogføring][DBF-Sumtotal] One lump sum (klumpsum) of a posting run; every payment in it names the
 * line (`posting.lineId`). `bc` is set once Business Central has the line.
 */
export interface PostingLine extends PostingDimensions {
  id: string;
  runId: string;
  /** 1, 2, … in the order of the dimensions; part of the line's reference in BC. */
  lineNumber: number;
  accountDescription: string;
  contraAccountDescription: string;
  lumpSumOre: number;
  paymentCount: number;
  /** `confirmedPostedBy`: finance found the line posted in BC (a run's review), so no journal line id. */
  bc?: { journalLineId?: string; sentAt: string; confirmedPostedBy?: string };
}

/** The text that tells lines apart: equal dimensions, equal key. */
export function postingKeyOf(dimensions: PostingDimensions): string {
  const { postingDate, contraAccountNumber, budgetLine, project, accountNumber } = dimensions;
  return [postingDate, contraAccountNumber, budgetLine ?? '', project ?? '', accountNumber].join('|');
}
