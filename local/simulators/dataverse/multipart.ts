import { STATUS_CODES } from 'node:http';
import type { ApiResponse } from './ApiResponse.js';

/** One body part of a multipart/mixed message (RFC 2046): its MIME headers and its content. */
export interface MimePart {
  headers: Headers;
  body: string;
}

/** An HTTP request carried as an `application/http` part (OData 4.0 §11.7). */
export interface EmbeddedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

export function boundaryOf(contentType: string | null): string | undefined {
  return /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '')?.slice(1).find((value) => value !== undefined);
}

/** Splits a multipart body at its boundary lines; accepts CRLF or bare LF line breaks. */
export function parseMultipart(body: string, boundary: string): MimePart[] {
  const parts: MimePart[] = [];
  let current: string[] | undefined;
  for (const line of body.split(/\r?\n/)) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}` || trimmed === `--${boundary}--`) {
      if (current) parts.push(parsePart(current));
      if (trimmed === `--${boundary}--`) break;
      current = [];
    } else if (current) {
      current.push(line);
    }
  }
  return parts;
}

/** Reads the request line, headers and body out of an `application/http` part's content. */
export function parseEmbeddedRequest(content: string): EmbeddedRequest | undefined {
  const lines = content.replace(/^(\r?\n)+/, '').split(/\r?\n/);
  const requestLine = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/\d\.\d)?$/.exec(lines[0]?.trim() ?? '');
  if (!requestLine) return undefined;
  const { headers, bodyLines } = splitHeaders(lines.slice(1));
  return { method: requestLine[1]!, url: requestLine[2]!, headers, body: bodyLines.join('\r\n').trim() };
}

/** A body part before it is joined into a multipart body: its MIME header lines and its content. */
export interface OutgoingPart {
  headers: string[];
  content: string;
}

/** One `application/http` part answering one request, in the shape Dataverse writes it. */
export function responsePart(response: ApiResponse, contentId?: string): OutgoingPart {
  const headers = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary'];
  if (contentId !== undefined) headers.push(`Content-ID: ${contentId}`);
  const statusLine = `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`.trimEnd();
  const httpHeaders = Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`);
  const body = response.body === undefined ? '' : JSON.stringify(response.body);
  return { headers, content: [statusLine, ...httpHeaders, '', body].join('\r\n') };
}

/** Joins already-serialised parts into a multipart body with a closing delimiter. */
export function multipartBody(boundary: string, parts: OutgoingPart[]): string {
  const encoded = parts.map((part) => [`--${boundary}`, ...part.headers, '', part.content].join('\r\n'));
  return `${[...encoded, `--${boundary}--`].join('\r\n')}\r\n`;
}

function parsePart(lines: string[]): MimePart {
  const { headers, bodyLines } = splitHeaders(lines);
  return { headers, body: bodyLines.join('\r\n') };
}

function splitHeaders(lines: string[]): { headers: Headers; bodyLines: string[] } {
  const headers = new Headers();
  let index = 0;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') break;
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return { headers, bodyLines: lines.slice(index + 1) };
}
