import { createHash, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import ssh2, { type AuthContext, type Connection, type SFTPWrapper } from 'ssh2';
import { systemClock } from '../../../adapters/system/systemClock.js';
import type { Clock } from '../../../domain/shared/Clock.js';
import { MemoryFileSystem, type StoredFile } from './MemoryFileSystem.js';
import { serveSftp } from './sftpSession.js';

const { Server, utils } = ssh2;

export interface SftpUser {
  username: string;
  /** Password authentication, when set. */
  password?: string;
  /** Public-key authentication with this key (OpenSSH format, "ssh-ed25519 AAAA…"), when set. */
  publicKey?: string;
}

export interface SftpSimulatorOptions {
  host?: string;
  port?: number;
  users: SftpUser[];
  /** Directories made at start (e.g. the vendor's "/inbound"). */
  directories?: string[];
  clock?: Clock;
}

export type SftpSimulator = Awaited<ReturnType<typeof startSftpSimulator>>;

/**
 * [Leadflow] A telemarketing vendor's SFTP server (see README.md): SSH with password or key login, the
 * SFTP subsystem over an in-memory disk, and the failures a real one shows: a login refused, a full
 * disk, a connection dropped in the middle of an upload.
 */
export async function startSftpSimulator(options: SftpSimulatorOptions) {
  const clock = options.clock ?? systemClock;
  const disk = new MemoryFileSystem(() => clock.now());
  const directories = options.directories ?? [];
  for (const directory of directories) disk.mkdirs(directory);
  const hostKey = utils.generateKeyPairSync('ed25519');
  const faults = { refuseLogins: false, dropConnectionOnWriteTo: undefined as RegExp | undefined };
  const logins: { username: string; method: string; accepted: boolean }[] = [];
  const connections = new Set<Connection>();

  const server = new Server({ hostKeys: [hostKey.private] }, (connection) => {
    connections.add(connection);
    connection.on('close', () => connections.delete(connection));
    connection.on('error', () => connections.delete(connection));
    connection.on('authentication', (context) => authenticate(context, options.users, faults.refuseLogins, logins));
    connection.on('ready', () => {
      connection.on('session', (acceptSession) => {
        acceptSession().on('sftp', (acceptSftp) => {
          const sftp: SFTPWrapper = acceptSftp();
          serveSftp(sftp, disk, {
            onWrite: (file: StoredFile) => {
              if (faults.dropConnectionOnWriteTo?.test(file.path)) {
                faults.dropConnectionOnWriteTo = undefined;
                connection.end();
                return 'dropped';
              }
              return 'go-on';
            },
          });
        });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;

  return {
    host: address.address,
    port: address.port,
    /** OpenSSH's form of the host key's fingerprint ("SHA256:…"), what the engine pins. */
    hostKeyFingerprint: fingerprintOf(hostKey.public),
    /** The files on the disk, for tests to compare with what they read over SFTP. */
    files: () => disk.allFiles(),
    logins: () => [...logins],
    /** Every login is refused until set back, as when the vendor rotated the password. */
    refuseLogins(refuse: boolean) {
      faults.refuseLogins = refuse;
    },
    /** The disk holds this many bytes in all (undefined: no limit); a write past it fails. */
    setCapacity(bytes: number | undefined) {
      disk.capacityBytes = bytes ?? Number.POSITIVE_INFINITY;
    },
    /** The next write to a file whose path matches ends the connection after the bytes are stored: a partial upload. */
    dropConnectionOnWriteTo(path: RegExp) {
      faults.dropConnectionOnWriteTo = path;
    },
    /** Empties the disk and forgets the faults, keeping the start's directories. */
    reset() {
      disk.clear();
      for (const directory of directories) disk.mkdirs(directory);
      disk.capacityBytes = Number.POSITIVE_INFINITY;
      faults.refuseLogins = false;
      faults.dropConnectionOnWriteTo = undefined;
      logins.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const connection of connections) connection.end();
        server.close(() => resolve());
      }),
  };
}

/** "SHA256:" and the unpadded base64 SHA-256 of the key's wire form, as `ssh-keygen -lf` prints it. */
export function fingerprintOf(publicKey: string | Buffer): string {
  const parsed = utils.parseKey(publicKey);
  if (parsed instanceof Error) throw parsed;
  const key = Array.isArray(parsed) ? parsed[0]! : parsed;
  return `SHA256:${createHash('sha256').update(key.getPublicSSH()).digest('base64').replace(/=+$/, '')}`;
}

function authenticate(context: AuthContext, users: SftpUser[], refuse: boolean, logins: { username: string; method: string; accepted: boolean }[]): void {
  const user = users.find((candidate) => candidate.username === context.username);
  const accepted = !refuse && user !== undefined && credentialsMatch(context, user);
  if (context.method !== 'none') logins.push({ username: context.username, method: context.method, accepted });
  if (accepted) return context.accept();
  context.reject(['password', 'publickey']);
}

function credentialsMatch(context: AuthContext, user: SftpUser): boolean {
  if (context.method === 'password' && user.password !== undefined) return sameText(context.password, user.password);
  if (context.method === 'publickey' && user.publicKey !== undefined) {
    const allowed = utils.parseKey(user.publicKey);
    if (allowed instanceof Error || Array.isArray(allowed)) return false;
    if (context.key.algo !== allowed.type || !context.key.data.equals(allowed.getPublicSSH())) return false;
    // Without a signature the client only asks whether the key would do; with one it proves it holds the key.
    return context.signature === undefined || allowed.verify(context.blob!, context.signature, context.hashAlgo) === true;
  }
  return false;
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
