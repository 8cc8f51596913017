import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** The published Azurite development account (not a secret: it is in Microsoft's docs). */
export const devStorageAccount = {
  name: 'devstoreaccount1',
  key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
};

interface AzuriteServer {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}
type AzuriteServerClass = new (configuration: unknown) => AzuriteServer;
type AzuriteConfigurationClass = new (...args: unknown[]) => unknown;

export interface AzuriteOptions {
  /** Folder to keep data in across restarts; omitted = in memory. */
  location?: string;
  host?: string;
  blobPort?: number;
  queuePort?: number;
}

export interface RunningAzurite {
  blobUrl: string;
  queueUrl: string;
  connectionString: string;
  close(): Promise<void>;
}

/**
 * Starts Azurite's Blob and Queue services in this process (the npm package's CLI entry needs
 * `vscode`, so its server classes are loaded from their files). Port 0 picks free ports.
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const host = options.host ?? '127.0.0.1';
  if (options.location) mkdirSync(options.location, { recursive: true });
  const blob = await startService('blob', host, options.blobPort ?? 0, options.location);
  const queue = await startService('queue', host, options.queuePort ?? 0, options.location);
  const blobUrl = `http://${blob.getHttpServerAddress().replace(/^http:\/\//, '')}/${devStorageAccount.name}`;
  const queueUrl = `http://${queue.getHttpServerAddress().replace(/^http:\/\//, '')}/${devStorageAccount.name}`;
  return {
    blobUrl,
    queueUrl,
    connectionString: developmentConnectionString(blobUrl, queueUrl),
    close: async () => {
      await queue.close();
      await blob.close();
    },
  };
}

export function developmentConnectionString(blobUrl: string, queueUrl: string): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${devStorageAccount.name}`,
    `AccountKey=${devStorageAccount.key}`,
    `BlobEndpoint=${blobUrl}`,
    `QueueEndpoint=${queueUrl}`,
  ].join(';');
}

const idleConnectionSeconds = 600;

async function startService(kind: 'blob' | 'queue', host: string, port: number, location?: string): Promise<AzuriteServer> {
  const Capital = kind === 'blob' ? 'Blob' : 'Queue';
  const Server = require(`azurite/dist/src/${kind}/${Capital}Server.js`).default as AzuriteServerClass;
  const Configuration = require(`azurite/dist/src/${kind}/${Capital}Configuration.js`).default as AzuriteConfigurationClass;
  const inMemory = location === undefined;
  const at = (file: string) => (location ? join(location, file) : file);
  const configuration = new Configuration(
    host,
    port,
    // Seconds an idle connection stays open. Azurite's 5 s races the SDK reusing a connection just
    // as it closes ("read ECONNRESET" under load); ten minutes outlasts any pause in a local run.
    idleConnectionSeconds,
    at(`__azurite_db_${kind}__.json`),
    at(`__azurite_db_${kind}_extent__.json`),
    [{ locationId: 'Default', locationPath: at(`__${kind}storage__`), maxConcurrency: 10 }],
    false, // access log
    undefined,
    false, // debug log
    undefined,
    true, // loose
    true, // skipApiVersionCheck: the newest SDKs send API versions Azurite does not know yet
    '',
    '',
    '',
    undefined,
    false,
    inMemory,
  );
  const server = new Server(configuration);
  await server.start();
  return server;
}
