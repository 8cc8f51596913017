import ssh2 from 'ssh2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SftpSimulator, startSftpSimulator } from '../../local/simulators/sftp/server.js';
import { readSftpFolder } from '../../test/support/sftpReader.js';
import { SftpFileDrop } from './SftpFileDrop.js';

const vendor = { username: 'ms-leads', password: 'vendor-password' };
const clientKey = ssh2.utils.generateKeyPairSync('ed25519');
let server: SftpSimulator;

beforeAll(async () => {
  server = await startSftpSimulator({ users: [{ ...vendor, publicKey: clientKey.public }], directories: ['/inbound'] });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const drop = (overrides: Partial<ConstructorParameters<typeof SftpFileDrop>[0]> = {}) =>
  new SftpFileDrop({ host: server.host, port: server.port, ...vendor, hostKeyFingerprint: server.hostKeyFingerprint, directory: '/inbound', timeoutMs: 5_000, ...overrides });
const login = () => ({ host: server.host, port: server.port, ...vendor });
const content = Buffer.from('\uFEFFLeadId;Telefon\r\nlead-1;22334455\r\n');

describe('SftpFileDrop over SFTP', () => {
  it('[Leadflow] puts the file under its name, whole, with no partial file left', async () => {
    expect(await drop().deliver('skov_20261203.csv', content)).toBe('delivered');
    const files = await readSftpFolder(login(), '/inbound');
    expect([...files.keys()]).toEqual(['skov_20261203.csv']);
    expect(files.get('skov_20261203.csv')).toEqual(content);
  });

  it('[Leadflow] logs in with a key instead of a password', async () => {
    expect(await drop({ password: undefined, privateKey: clientKey.private }).deliver('key.csv', content)).toBe('delivered');
    expect(server.logins().at(-1)).toMatchObject({ method: 'publickey', accepted: true });
  });

  it('[Leadflow] a whole file already there counts as delivered; one of another size is left alone and named', async () => {
    await drop().deliver('once.csv', content);
    expect(await drop().deliver('once.csv', content)).toBe('already-there');
    await expect(drop().deliver('once.csv', Buffer.concat([content, content]))).rejects.toThrow(/already with \d+ bytes/);
    expect((await readSftpFolder(login(), '/inbound')).get('once.csv')).toEqual(content);
  });

  it('[Leadflow] a refused login is a clear error naming the user', async () => {
    server.refuseLogins(true);
    await expect(drop().deliver('refused.csv', content)).rejects.toThrow(/refused the login of ms-leads/);
    server.refuseLogins(false);
    expect(await readSftpFolder(login(), '/inbound')).toEqual(new Map());
  });

  it('[Leadflow] a server with another host key gets nothing', async () => {
    await expect(drop({ hostKeyFingerprint: 'SHA256:somebody-else' }).deliver('pinned.csv', content)).rejects.toThrow(/not the pinned SHA256:somebody-else/);
    expect(server.files()).toEqual([]);
  });

  it('[Leadflow] a full disk fails the upload with the server\'s words, and the partial file is removed', async () => {
    server.setCapacity(10);
    await expect(drop().deliver('full.csv', content)).rejects.toThrow(/No space left on device/);
    expect(server.files()).toEqual([]);
  });

  it('[Leadflow] a connection dropped during the upload leaves no file under the real name; the next attempt delivers it', async () => {
    server.dropConnectionOnWriteTo(/dropped\.csv\.part$/);
    await expect(drop().deliver('dropped.csv', content)).rejects.toThrow();
    expect(server.files().map((file) => file.path)).not.toContain('/inbound/dropped.csv');
    expect(await drop().deliver('dropped.csv', content)).toBe('delivered');
    expect((await readSftpFolder(login(), '/inbound')).get('dropped.csv')).toEqual(content);
  });
});
