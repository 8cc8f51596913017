import { posix } from 'node:path';

/** Why an operation failed, in the SFTP status the server answers with. */
export class FileSystemError extends Error {
  constructor(
    readonly status: 'no-such-file' | 'failure' | 'permission-denied',
    message: string,
  ) {
    super(message);
  }
}

export interface StoredFile {
  path: string;
  content: Buffer;
  modifiedAt: Date;
}

/**
 * The SFTP simulator's disk: directories and files in memory, with a capacity so a test can fill the
 * disk. Paths are absolute POSIX paths inside the user's root; `..` never leaves it.
 */
export class MemoryFileSystem {
  private readonly directories = new Set<string>(['/']);
  private readonly files = new Map<string, StoredFile>();
  /** Bytes the disk holds in all; writes beyond it fail as "No space left on device". */
  capacityBytes = Number.POSITIVE_INFINITY;

  constructor(private readonly now: () => Date) {}

  static normalise(path: string): string {
    return posix.resolve('/', path || '.');
  }

  mkdir(path: string): void {
    const normalised = MemoryFileSystem.normalise(path);
    if (this.exists(normalised)) throw new FileSystemError('failure', `${normalised} exists`);
    this.requireDirectory(posix.dirname(normalised));
    this.directories.add(normalised);
  }

  /** Creates the directory and its parents where they are missing. */
  mkdirs(path: string): void {
    const normalised = MemoryFileSystem.normalise(path);
    if (normalised === '/' || this.directories.has(normalised)) return;
    this.mkdirs(posix.dirname(normalised));
    this.directories.add(normalised);
  }

  isDirectory(path: string): boolean {
    return this.directories.has(MemoryFileSystem.normalise(path));
  }

  file(path: string): StoredFile | undefined {
    return this.files.get(MemoryFileSystem.normalise(path));
  }

  exists(path: string): boolean {
    return this.isDirectory(path) || this.file(path) !== undefined;
  }

  /** Opens for writing: creates or (with `truncate`) empties the file. */
  openForWriting(path: string, options: { truncate: boolean; exclusive: boolean }): StoredFile {
    const normalised = MemoryFileSystem.normalise(path);
    this.requireDirectory(posix.dirname(normalised));
    if (this.isDirectory(normalised)) throw new FileSystemError('failure', `${normalised} is a directory`);
    const existing = this.files.get(normalised);
    if (existing && options.exclusive) throw new FileSystemError('failure', `${normalised} exists`);
    const file = existing && !options.truncate ? existing : { path: normalised, content: Buffer.alloc(0), modifiedAt: this.now() };
    this.files.set(normalised, file);
    return file;
  }

  write(file: StoredFile, offset: number, data: Buffer): void {
    const end = offset + data.length;
    const growth = Math.max(0, end - file.content.length);
    if (this.usedBytes() + growth > this.capacityBytes) throw new FileSystemError('failure', 'No space left on device');
    const content = Buffer.alloc(Math.max(end, file.content.length));
    file.content.copy(content);
    data.copy(content, offset);
    file.content = content;
    file.modifiedAt = this.now();
  }

  /** Moves a file; as OpenSSH's server does for SFTP v3, refuses to replace an existing target. */
  rename(from: string, to: string): void {
    const source = MemoryFileSystem.normalise(from);
    const target = MemoryFileSystem.normalise(to);
    const file = this.files.get(source);
    if (!file) throw new FileSystemError('no-such-file', `${source} does not exist`);
    if (this.exists(target)) throw new FileSystemError('failure', `${target} exists`);
    this.requireDirectory(posix.dirname(target));
    this.files.delete(source);
    this.files.set(target, { ...file, path: target });
  }

  remove(path: string): void {
    if (!this.files.delete(MemoryFileSystem.normalise(path))) throw new FileSystemError('no-such-file', `${path} does not exist`);
  }

  /** The names directly in a directory. */
  list(path: string): { name: string; directory: boolean; file?: StoredFile }[] {
    const directory = MemoryFileSystem.normalise(path);
    this.requireDirectory(directory);
    const inside = (candidate: string) => candidate !== directory && posix.dirname(candidate) === directory;
    return [
      ...[...this.directories].filter(inside).map((name) => ({ name: posix.basename(name), directory: true })),
      ...[...this.files.values()].filter((file) => inside(file.path)).map((file) => ({ name: posix.basename(file.path), directory: false, file })),
    ];
  }

  /** Every file, oldest path first, for tests and demos. */
  allFiles(): StoredFile[] {
    return [...this.files.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  clear(): void {
    this.files.clear();
    for (const directory of [...this.directories]) if (directory !== '/') this.directories.delete(directory);
  }

  private usedBytes(): number {
    let used = 0;
    for (const file of this.files.values()) used += file.content.length;
    return used;
  }

  private requireDirectory(path: string): void {
    if (!this.directories.has(path)) throw new FileSystemError('no-such-file', `${path}: no such directory`);
  }
}
