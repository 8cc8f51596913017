import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { UndecodableTextError, decodeCsvFile, decodeUtf8 } from '../../adapters/text/decodeText.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { type Problem, problem } from './problem.js';

/** [NFR-Input] The largest body each kind of route reads, in bytes. */
export const bodyLimits = {
  /** OF's and Drupal's notifications are a few hundred bytes. */
  webhook: 64 * 1024,
  /** Dataverse sends up to 256 KB before it drops InputParameters (x-ms-dynamics-msg-size-exceeded). */
  crmWebhook: 512 * 1024,
  /** Staff tables (field mappings, the chart, match rules) and single changes. */
  adminJson: 1024 * 1024,
  /** CSV files staff upload; larger files are split by whoever exports them. */
  upload: 10 * 1024 * 1024,
} as const;

const jsonMediaTypes = ['application/json'];
/** What browsers and tools send for a .csv file (Windows labels it as an Excel type). */
const csvMediaTypes = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel'];

/**
 * [NFR-Input] A JSON body: at most `maxBytes`, counted while it is read (413 naming the limit);
 * `application/json` (415 otherwise); strict UTF-8 with no broken text in any field (400 naming it).
 */
export function jsonBody(maxBytes: number, logger: Logger, mediaTypes: string[] = jsonMediaTypes): MiddlewareHandler {
  return withBody(maxBytes, mediaTypes, logger, async (c, bytes) => {
    const text = decodeUtf8(bytes);
    const fields = brokenTextFields(text);
    if (fields.length > 0) {
      logger.warn('request refused: broken text', { method: c.req.method, path: c.req.path, fields: fields.map((field) => field.field).join(',') });
      return problem(c, 400, 'invalid_encoding', 'a field holds text that is not valid Unicode (a lone surrogate or U+FFFD, the mark of a wrong decode upstream)', fields);
    }
    return undefined;
  });
}

/**
 * [NFR-Input] A CSV file: at most `maxBytes` while read (413), a CSV media type (415), UTF-8 with or
 * without BOM or Windows-1252 as Danish Excel saves it, decoded here so the route reads plain text;
 * anything else is refused with how to save the file (400).
 */
export function csvBody(maxBytes: number, logger: Logger): MiddlewareHandler {
  return withBody(maxBytes, csvMediaTypes, logger, async (c, bytes) => {
    const text = decodeCsvFile(bytes, charsetOf(c.req.header('content-type')));
    c.req.raw = new Request(c.req.raw, { body: text });
    return undefined;
  });
}

type BodyCheck = (c: Context, bytes: Uint8Array) => Promise<Response | undefined>;

function withBody(maxBytes: number, mediaTypes: string[], logger: Logger, check: BodyCheck): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      logger.warn('request refused: body too large', { method: c.req.method, path: c.req.path, limitBytes: maxBytes });
      // The rest of the body is not read (the Node server drains a little, then drops the connection): say so, or a client would reuse it.
      c.header('Connection', 'close');
      return problem(c, 413, 'body_too_large', `the body is over ${describeBytes(maxBytes)}, the limit of this route`, [{ field: 'body', problem: `at most ${maxBytes} bytes` }]);
    },
  });
  return async (c, next) => {
    if (!hasBody(c)) return next();
    const mediaType = mediaTypeOf(c.req.header('content-type'));
    if (!mediaTypes.includes(mediaType)) {
      logger.warn('request refused: media type', { method: c.req.method, path: c.req.path, mediaType });
      return problem(c, 415, 'unsupported_media_type', `this route reads ${mediaTypes[0]}, not ${mediaType || 'a body without content-type'}`, [{ field: 'content-type', problem: `one of ${mediaTypes.join(', ')}` }]);
    }
    let refused: Response | undefined;
    const limited = await limit(c, async () => {
      const bytes = new Uint8Array(await c.req.raw.clone().arrayBuffer());
      try {
        refused = await check(c, bytes);
      } catch (error) {
        if (!(error instanceof UndecodableTextError)) throw error;
        logger.warn('request refused: encoding', { method: c.req.method, path: c.req.path, reason: error.message });
        refused = problem(c, 400, 'invalid_encoding', `${error.message}; ${error.hint}`, [{ field: 'body', problem: error.message }]);
      }
      if (!refused) await next();
    });
    return refused ?? limited ?? undefined;
  };
}

function hasBody(c: Context): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return false;
  const length = c.req.header('content-length');
  return c.req.header('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
}

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset="?([^";\s]+)"?/i.exec(contentType ?? '')?.[1];
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes / 1024} KiB`;
}

/** Fields (by JSON path) whose text holds a lone surrogate or U+FFFD; none if the text is not JSON (the route says so). */
function brokenTextFields(text: string): NonNullable<Problem['fields']> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  const found: NonNullable<Problem['fields']> = [];
  const visit = (node: unknown, path: string) => {
    if (typeof node === 'string') {
      if (isBrokenText(node)) found.push({ field: path || 'body', problem: 'not valid Unicode text' });
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, path ? `${path}.${index}` : String(index)));
    } else if (node && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        const keyPath = path ? `${path}.${key}` : key;
        if (isBrokenText(key)) found.push({ field: keyPath, problem: 'the field name is not valid Unicode text' });
        visit(item, keyPath);
      }
    }
  };
  visit(value, '');
  return found;
}

const brokenText = /\p{Cs}|\uFFFD/u;
const isBrokenText = (text: string) => brokenText.test(text);
