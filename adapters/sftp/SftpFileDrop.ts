import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import ssh2, { type SFTPWrapper, type Stats } from 'ssh2';
import type { LeadFileDrop } from '../../domain/telemarketing/ports.js';

export interface SftpDropOptions {
  host: string;
  port: number;
  username: string;
  /** Password or private key (OpenSSH or PEM), whichever the vendor set up. */
  password?: string;
  privateKey?: string;
  /** The vendor's host key as `ssh-keygen -lf` prints it ("SHA256:…"): any other server is refused. */
  hostKeyFingerprint: string;
  /** The vendor's folder for incoming files, e.g. "/inbound". */
  directory: string;
  /** How long connecting, and each SFTP request, may take (default 30 s). */
  timeoutMs?: number;
}

/** Why a file did not reach the vendor, in words IT can act on. */
export class SftpDeliveryError extends Error {}

/**
 * [Leadflow] Delivers files to a telemarketing vendor's SFTP server. Never half a file under the real
 * name: the bytes go to "<name>.part", which is renamed when whole (the vendor's pick-up ignores
 * ".part"). A file already there at its whole size counts as delivered (an earlier upload whose
 * answer was lost). The host key is pinned, so the leads never go to another server.
 */
export class SftpFileDrop implements LeadFileDrop {
  constructor(private readonly options: SftpDropOptions) {}

  async deliver(name: string, content: Uint8Array): Promise<'delivered' | 'already-there'> {
    const connection = await this.connect();
    const request = requester(connection, this.timeoutMs, `${this.options.host}:${this.options.port}`);
    try {
      const sftp = await request<SFTPWrapper>('opening SFTP', (done) => connection.sftp(done));
      const target = posix.join(this.options.directory, name);
      const existing = await statOrNull(request, sftp, target);
      if (existing) return this.alreadyThere(target, existing, content);
      const partial = `${target}.part`;
      await upload(request, sftp, partial, content);
      try {
        await request<void>(`renaming ${partial} to ${target}`, (done) => sftp.rename(partial, target, done));
      } catch (error) {
        const arrived = await statOrNull(request, sftp, target);
        if (arrived) return this.alreadyThere(target, arrived, content);
        throw error;
      }
      return 'delivered';
    } finally {
      connection.end();
    }
  }

  private alreadyThere(target: string, stats: Stats, content: Uint8Array): 'already-there' {
    if (stats.size === content.length) return 'already-there';
    throw new SftpDeliveryError(`${target} is at the vendor already with ${stats.size} bytes, not the ${content.length} bytes of this file; left as it is for someone to look at`);
  }

  private connect(): Promise<ssh2.Client> {
    const { host, port, username, password, privateKey, hostKeyFingerprint } = this.options;
    return new Promise((resolve, reject) => {
      const client = new ssh2.Client();
      let offeredKey: string | undefined;
      client.once('ready', () => resolve(client));
      client.once('error', (error: Error & { level?: string }) => {
        if (offeredKey !== undefined && offeredKey !== hostKeyFingerprint) reject(new SftpDeliveryError(`the SFTP server at ${host}:${port} showed host key ${offeredKey}, not the pinned ${hostKeyFingerprint}; nothing was sent`));
        else if (error.level === 'client-authentication') reject(new SftpDeliveryError(`the SFTP server at ${host}:${port} refused the login of ${username}; check the credentials in Key Vault`));
        else reject(new SftpDeliveryError(`could not reach the SFTP server at ${host}:${port}: ${error.message}`));
      });
      client.connect({
        host,
        port,
        username,
        ...(password !== undefined && { password }),
        ...(privateKey !== undefined && { privateKey }),
        readyTimeout: this.timeoutMs,
        hostVerifier: (key: Buffer) => {
          offeredKey = fingerprintOf(key);
          return offeredKey === hostKeyFingerprint;
        },
      });
    });
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? 30_000;
  }
}

type Request = <T>(what: string, start: (done: (error: Error | null | undefined, value?: T) => void) => void) => Promise<T>;

/**
 * SFTP requests on one connection, each with the server's own words when it fails and a time limit;
 * when the server ends the connection, the request in flight fails at once instead of timing out.
 */
function requester(connection: ssh2.Client, timeoutMs: number, server: string): Request {
  const closed = new Promise<never>((_, reject) => connection.once('close', () => reject(new Error(`the SFTP server at ${server} closed the connection`))));
  closed.catch(() => undefined);
  return <T>(what: string, start: (done: (error: Error | null | undefined, value?: T) => void) => void) => {
    let timer: NodeJS.Timeout | undefined;
    const answered = new Promise<T>((resolve, reject) => {
      timer = setTimeout(() => reject(new SftpDeliveryError(`${what}: no answer from the SFTP server within ${timeoutMs} ms`)), timeoutMs);
      start((error, value) => {
        if (!error) return resolve(value as T);
        reject(Object.assign(new SftpDeliveryError(`${what}: ${error.message}`), { code: (error as { code?: number }).code }));
      });
    });
    const ended = closed.catch((error: Error) => Promise.reject(new SftpDeliveryError(`${what}: ${error.message}`)));
    return Promise.race([answered, ended]).finally(() => clearTimeout(timer));
  };
}

async function upload(request: Request, sftp: SFTPWrapper, path: string, content: Uint8Array): Promise<void> {
  try {
    await request<void>(`uploading ${path}`, (done) => sftp.writeFile(path, Buffer.from(content), done));
  } catch (error) {
    // Frees the space a partial upload holds (a full disk); the connection may be gone already.
    await request<void>('removing the partial upload', (done) => sftp.unlink(path, done)).catch(() => undefined);
    throw error;
  }
}

async function statOrNull(request: Request, sftp: SFTPWrapper, path: string): Promise<Stats | null> {
  try {
    return await request<Stats>(`reading ${path}`, (done) => sftp.stat(path, done));
  } catch (error) {
    if ((error as { code?: number }).code === ssh2.utils.sftp.STATUS_CODE.NO_SUCH_FILE) return null;
    throw error;
  }
}

/** OpenSSH's fingerprint of a host key ("SHA256:" and the unpadded base64 SHA-256 of its wire form). */
export function fingerprintOf(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}
