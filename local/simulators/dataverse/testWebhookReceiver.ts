import { type IncomingHttpHeaders, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  /** Path and query, e.g. "/hooks/dataverse?code=k". */
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface TestWebhookReceiver {
  /** Base URL; any path below it is accepted. */
  url: string;
  received: ReceivedCall[];
  close(): Promise<void>;
}

/** Test support: an HTTP server that records the JSON it is posted and answers `status`. */
export async function startTestWebhookReceiver(status = 202): Promise<TestWebhookReceiver> {
  const received: ReceivedCall[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ url: request.url ?? '', headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown> });
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ received: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
