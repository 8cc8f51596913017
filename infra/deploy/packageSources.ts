import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Files at the project root that shape the package besides the sources: dependencies and compiler settings. */
export const packageManifestFiles = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'] as const;

interface BuildTsconfig {
  include: string[];
  exclude: string[];
}

/**
 * The files the Function App package is built from: the folders `tsconfig.build.json` includes, minus
 * what it excludes (tests and test helpers), plus the manifests. Read from that file so the package
 * and its fingerprint cannot disagree about what ships.
 */
export function packageSourceFiles(root: string): string[] {
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')) as BuildTsconfig;
  const excluded = tsconfig.exclude.map(basenamePattern);
  const sources = tsconfig.include
    .flatMap((folder) => filesUnder(join(root, folder)))
    .map((file) => relative(root, file).split(sep).join('/'))
    .filter((file) => !excluded.some((pattern) => pattern.test(file.slice(file.lastIndexOf('/') + 1))));
  return [...packageManifestFiles, ...sources].sort();
}

/**
 * A hash of every package source's path and content. The program deploys the package again exactly
 * when this changes; a changed test or document does not cause a deployment.
 */
export function sourceFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const file of packageSourceFiles(root)) {
    hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** `**\/*.test.ts` → a test on the file name; other forms are refused, so a new kind of exclude is noticed here. */
function basenamePattern(glob: string): RegExp {
  const name = /^\*\*\/([^/]+)$/.exec(glob)?.[1];
  if (!name) throw new Error(`tsconfig.build.json: exclude '${glob}' is not of the form **/<file name>`);
  const escaped = name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*');
  return new RegExp(`^${escaped}$`);
}
