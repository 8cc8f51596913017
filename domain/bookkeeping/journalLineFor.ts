import type { JournalLineToSend } from './GeneralJournal.js';
import type { PostingLine } from './PostingLine.js';
import type { PostingRun } from './PostingRun.js';

/** The line's reference in BC: the run's document number and the line's number, e.g. "MS-20261130-00042". */
export function externalDocumentNumberOf(run: PostingRun, line: PostingLine): string {
  return `${run.documentNumber}-${String(line.lineNumber).padStart(5, '0')}`;
}

/** [Bogføring] A posting line as Business Central's general journal receives it. */
export function journalLineFor(run: PostingRun, line: PostingLine): JournalLineToSend {
  const dimensions = [line.project && `sag ${line.project}`, line.budgetLine && `sagsopgave ${line.budgetLine}`].filter(Boolean).join(', ');
  const description = `${line.accountDescription || line.accountNumber} ${line.postingDate}${dimensions ? ` (${dimensions})` : ''}`;
  return {
    documentNumber: run.documentNumber,
    externalDocumentNumber: externalDocumentNumberOf(run, line),
    postingDate: line.postingDate,
    accountNumber: line.accountNumber,
    contraAccountNumber: line.contraAccountNumber,
    lumpSumOre: line.lumpSumOre,
    description: description.slice(0, 100),
    ...(line.project && { project: line.project }),
    ...(line.budgetLine && { budgetLine: line.budgetLine }),
  };
}
