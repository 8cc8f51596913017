/**
 * Strict decoding of what callers send. A body is either decoded exactly or refused: nothing that a
 * lenient decoder would have patched with U+FFFD ever reaches a store (the consent log is append-only).
 */

export class UndecodableTextError extends Error {
  constructor(
    message: string,
    /** What the caller should do about it, in words a member of staff can follow. */
    readonly hint: string,
  ) {
    super(message);
  }
}

const utf8Bom = [0xef, 0xbb, 0xbf];

/** UTF-8, or an error naming the first bad byte. A byte-order mark is kept as U+FEFF, so text and bytes correspond one to one. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UndecodableTextError(`the body is not valid UTF-8 (the first bad byte is on line ${lineOfFirstBadByte(bytes)})`, 'send the body encoded as UTF-8');
  }
}

/** Labels a caller may declare in `charset=` for a CSV file, by the decoder that reads them. */
const singleByteCharsets: Record<string, string> = { 'windows-1252': 'windows-1252', cp1252: 'windows-1252', 'iso-8859-1': 'windows-1252', latin1: 'windows-1252', 'iso-8859-15': 'iso-8859-15' };

const saveAsHint = 'in Excel, save the file as "CSV UTF-8 (kommasepareret)" or "CSV (semikolonsepareret)"';

/**
 * A CSV file as Danish Excel saves it: UTF-8 (with or without a byte-order mark) or Windows-1252
 * ("CSV (semikolonsepareret)"); a declared `charset` is honoured. A file that is neither (UTF-16, a
 * spreadsheet, binary) is refused with the way to save it. The BOM is dropped.
 */
export function decodeCsvFile(bytes: Uint8Array, declaredCharset?: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UndecodableTextError('the file is UTF-16 ("Unicode text"), which the engine does not read', saveAsHint);
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new UndecodableTextError('the file is a spreadsheet (xlsx), not CSV', saveAsHint);
  const charset = declaredCharset?.toLowerCase();
  const singleByte = charset ? singleByteCharsets[charset] : undefined;
  const text = singleByte ? new TextDecoder(singleByte).decode(bytes) : utf8OrWindows1252(bytes, charset);
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.exec(text);
  if (control) throw new UndecodableTextError(`the file holds a control character (U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}) at character ${control.index}: it is not a text file in a known encoding`, saveAsHint);
  return text.replace(/^\uFEFF/, '');
}

function utf8OrWindows1252(bytes: Uint8Array, declared: string | undefined): string {
  const hasBom = utf8Bom.every((byte, index) => bytes[index] === byte);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Declared or marked as UTF-8 and still not UTF-8: a mislabelled file, not a guess to make.
    if (hasBom || declared === 'utf-8' || declared === 'utf8') {
      throw new UndecodableTextError(`the file is marked as UTF-8 but is not valid UTF-8 (the first bad byte is on line ${lineOfFirstBadByte(bytes)})`, saveAsHint);
    }
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The line (from 1) of the first byte a UTF-8 decoder cannot read: a lenient decode marks it with U+FFFD. */
function lineOfFirstBadByte(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  return lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))).split('\n').length;
}
