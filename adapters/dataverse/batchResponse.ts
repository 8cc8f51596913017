/** The answer to one request inside a `$batch`. */
export interface BatchPartResponse {
  /** The request's `Content-ID`, when the answer repeats it. */
  contentId?: string;
  status: number;
  body: string;
}

/**
 * Reads the answers out of a `$batch` response (multipart/mixed): one per `application/http`
 * part, in order, including those inside a change set's response. Accepts CRLF or LF line breaks.
 */
export function parseBatchResponse(contentType: string | null, text: string): BatchPartResponse[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) return [];
  return mimeParts(text, boundary).flatMap((part): BatchPartResponse[] => {
    const partType = part.headers.get('content-type') ?? '';
    if (/^multipart\/mixed/i.test(partType)) return parseBatchResponse(partType, part.content);
    const answer = httpResponse(part.content);
    if (!answer) return [];
    const contentId = part.headers.get('content-id');
    return [{ ...(contentId !== null && { contentId }), ...answer }];
  });
}

function boundaryOf(contentType: string | null): string | undefined {
  return /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '')?.slice(1).find((value) => value !== undefined);
}

interface MimePart {
  headers: Headers;
  content: string;
}

function mimeParts(text: string, boundary: string): MimePart[] {
  const parts: MimePart[] = [];
  let current: string[] | undefined;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}` || trimmed === `--${boundary}--`) {
      if (current) parts.push(splitHeaders(current));
      if (trimmed === `--${boundary}--`) break;
      current = [];
    } else {
      current?.push(line);
    }
  }
  return parts;
}

/** "HTTP/1.1 400 Bad Request", headers, an empty line and the body. */
function httpResponse(content: string): { status: number; body: string } | undefined {
  const lines = content.replace(/^(\r?\n)+/, '').split(/\r?\n/);
  const status = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(lines[0] ?? '')?.[1];
  if (!status) return undefined;
  return { status: Number(status), body: splitHeaders(lines.slice(1)).content.trim() };
}

const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function splitHeaders(lines: string[]): MimePart {
  const headers = new Headers();
  let index = 0;
  for (; index < lines.length && lines[index]!.trim() !== ''; index++) {
    const line = lines[index]!;
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim();
    if (colon > 0 && headerName.test(name)) headers.append(name, line.slice(colon + 1).trim());
  }
  return { headers, content: lines.slice(index + 1).join('\r\n') };
}
