import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

type Fetch = (request: Request) => Response | Promise<Response>;

/** Where a simulator listens; a simulator's start options extend it. */
export interface ListenOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
}

export interface HttpServer {
  /** e.g. "http://127.0.0.1:7072" (an IPv6 host in brackets). */
  url: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Serves `fetch` on `host` (default 127.0.0.1) and `port` (default 0: a free port). */
export async function startHttpServer(fetch: Fetch, options: ListenOptions = {}): Promise<HttpServer> {
  const host = options.host ?? '127.0.0.1';
  const { server, port } = await listen(fetch, host, options.port ?? 0);
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, close: () => closeServer(server) };
}

function listen(fetch: Fetch, hostname: string, port: number): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname, port }, (info: AddressInfo) => resolve({ server, port: info.port })) as Server;
    server.once('error', reject);
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive connections would otherwise hold close() open.
    server.closeAllConnections();
  });
}
