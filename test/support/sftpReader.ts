import { posix } from 'node:path';
import ssh2, { type SFTPWrapper } from 'ssh2';

export interface SftpLogin {
  host: string;
  port: number;
  username: string;
  password: string;
}

/** What a vendor sees: the files in a folder of an SFTP server, read back over SFTP (not off the server's disk). */
export async function readSftpFolder(login: SftpLogin, directory: string): Promise<Map<string, Buffer>> {
  const client = new ssh2.Client();
  await new Promise<void>((resolve, reject) => {
    client.once('ready', resolve).once('error', reject);
    client.connect({ host: login.host, port: login.port, username: login.username, password: login.password });
  });
  try {
    const sftp = await new Promise<SFTPWrapper>((resolve, reject) => client.sftp((error, session) => (error ? reject(error) : resolve(session))));
    const names = await new Promise<string[]>((resolve, reject) => sftp.readdir(directory, (error, list) => (error ? reject(error) : resolve(list.map((entry) => entry.filename)))));
    const files = new Map<string, Buffer>();
    for (const name of names.sort()) {
      files.set(name, await new Promise<Buffer>((resolve, reject) => sftp.readFile(posix.join(directory, name), (error, data) => (error ? reject(error) : resolve(data)))));
    }
    return files;
  } finally {
    client.end();
  }
}
