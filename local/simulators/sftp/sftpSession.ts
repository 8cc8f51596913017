import ssh2, { type Attributes, type SFTPWrapper } from 'ssh2';
import { FileSystemError, MemoryFileSystem, type StoredFile } from './MemoryFileSystem.js';

const { OPEN_MODE, STATUS_CODE } = ssh2.utils.sftp;

type OpenHandle = { kind: 'file'; file: StoredFile; writable: boolean } | { kind: 'directory'; path: string; listed: boolean };

export interface SessionHooks {
  /** Called after each write is stored; 'dropped' when the hook ended the connection. */
  onWrite(file: StoredFile): 'go-on' | 'dropped';
}

/**
 * Answers one SFTP session (protocol version 3, as OpenSSH's sftp-server) over the in-memory disk:
 * the requests a client needs to upload, rename, list, read and remove files.
 */
export function serveSftp(sftp: SFTPWrapper, disk: MemoryFileSystem, hooks: SessionHooks): void {
  const handles = new Map<string, OpenHandle>();
  let nextHandle = 0;
  const newHandle = (handle: OpenHandle) => {
    const id = Buffer.from(String(nextHandle++));
    handles.set(id.toString(), handle);
    return id;
  };
  const answer = (requestId: number, work: () => void) => {
    try {
      work();
    } catch (error) {
      if (!(error instanceof FileSystemError)) throw error;
      sftp.status(requestId, statusOf(error), error.message);
    }
  };

  sftp.on('REALPATH', (requestId, path) => answer(requestId, () => {
    const normalised = MemoryFileSystem.normalise(path);
    sftp.name(requestId, [{ filename: normalised, longname: normalised, attrs: {} as Attributes }]);
  }));
  const stat = (requestId: number, path: string) => answer(requestId, () => sftp.attrs(requestId, attributesOf(disk, path)));
  sftp.on('STAT', stat);
  sftp.on('LSTAT', stat);
  sftp.on('FSTAT', (requestId, handle) => answer(requestId, () => {
    const open = handles.get(handle.toString());
    if (open?.kind !== 'file') throw new FileSystemError('failure', 'not an open file');
    sftp.attrs(requestId, fileAttributes(open.file));
  }));
  sftp.on('SETSTAT', (requestId) => sftp.status(requestId, STATUS_CODE.OK));
  sftp.on('FSETSTAT', (requestId) => sftp.status(requestId, STATUS_CODE.OK));
  sftp.on('OPEN', (requestId, path, flags) => answer(requestId, () => {
    const writable = (flags & OPEN_MODE.WRITE) !== 0;
    if (!writable) {
      const file = disk.file(path);
      if (!file) throw new FileSystemError('no-such-file', `${path} does not exist`);
      return sftp.handle(requestId, newHandle({ kind: 'file', file, writable: false }));
    }
    const file = disk.openForWriting(path, { truncate: (flags & OPEN_MODE.TRUNC) !== 0, exclusive: (flags & OPEN_MODE.EXCL) !== 0 });
    sftp.handle(requestId, newHandle({ kind: 'file', file, writable: true }));
  }));
  sftp.on('WRITE', (requestId, handle, offset, data) => answer(requestId, () => {
    const open = handles.get(handle.toString());
    if (open?.kind !== 'file' || !open.writable) throw new FileSystemError('failure', 'not a file open for writing');
    disk.write(open.file, offset, data);
    if (hooks.onWrite(open.file) === 'go-on') sftp.status(requestId, STATUS_CODE.OK);
  }));
  sftp.on('READ', (requestId, handle, offset, length) => answer(requestId, () => {
    const open = handles.get(handle.toString());
    if (open?.kind !== 'file') throw new FileSystemError('failure', 'not an open file');
    if (offset >= open.file.content.length) return sftp.status(requestId, STATUS_CODE.EOF);
    sftp.data(requestId, open.file.content.subarray(offset, offset + length));
  }));
  sftp.on('CLOSE', (requestId, handle) => {
    handles.delete(handle.toString());
    sftp.status(requestId, STATUS_CODE.OK);
  });
  sftp.on('OPENDIR', (requestId, path) => answer(requestId, () => {
    if (!disk.isDirectory(path)) throw new FileSystemError('no-such-file', `${path}: no such directory`);
    sftp.handle(requestId, newHandle({ kind: 'directory', path: MemoryFileSystem.normalise(path), listed: false }));
  }));
  sftp.on('READDIR', (requestId, handle) => answer(requestId, () => {
    const open = handles.get(handle.toString());
    if (open?.kind !== 'directory') throw new FileSystemError('failure', 'not an open directory');
    if (open.listed) return sftp.status(requestId, STATUS_CODE.EOF);
    open.listed = true;
    sftp.name(requestId, disk.list(open.path).map((entry) => ({ filename: entry.name, longname: entry.name, attrs: entry.file ? fileAttributes(entry.file) : directoryAttributes() })));
  }));
  sftp.on('RENAME', (requestId, from, to) => answer(requestId, () => {
    disk.rename(from, to);
    sftp.status(requestId, STATUS_CODE.OK);
  }));
  sftp.on('REMOVE', (requestId, path) => answer(requestId, () => {
    disk.remove(path);
    sftp.status(requestId, STATUS_CODE.OK);
  }));
  sftp.on('MKDIR', (requestId, path) => answer(requestId, () => {
    disk.mkdir(path);
    sftp.status(requestId, STATUS_CODE.OK);
  }));
}

function statusOf(error: FileSystemError): number {
  return error.status === 'no-such-file' ? STATUS_CODE.NO_SUCH_FILE : error.status === 'permission-denied' ? STATUS_CODE.PERMISSION_DENIED : STATUS_CODE.FAILURE;
}

function attributesOf(disk: MemoryFileSystem, path: string): Attributes {
  if (disk.isDirectory(path)) return directoryAttributes();
  const file = disk.file(path);
  if (!file) throw new FileSystemError('no-such-file', `${path} does not exist`);
  return fileAttributes(file);
}

const regularFile = 0o100644;
const directory = 0o040755;

function fileAttributes(file: StoredFile): Attributes {
  const seconds = Math.floor(file.modifiedAt.getTime() / 1000);
  return { mode: regularFile, uid: 0, gid: 0, size: file.content.length, atime: seconds, mtime: seconds };
}

function directoryAttributes(): Attributes {
  return { mode: directory, uid: 0, gid: 0, size: 0, atime: 0, mtime: 0 };
}
