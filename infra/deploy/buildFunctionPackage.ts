import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { zipSync } from 'fflate';

const run = promisify(execFile);

export interface FunctionPackage {
  /** The zip to publish: `host.json` and `package.json` at its root, `dist/`, production `node_modules/`. */
  zipPath: string;
  bytes: number;
  files: number;
}

export interface PackageBuild {
  /** The project root (where package.json is). */
  root: string;
  /** Scratch folder for the staged files and the zip; emptied first. */
  workDir: string;
}

/**
 * Builds the Function App's code package from the project: compiles the engine into a clean folder,
 * adds `host.json`, the manifests and the production dependencies exactly as the lock file pins them
 * (`npm ci --omit=dev`; no install scripts, none of the engine's dependencies needs one), and zips it.
 * The engine's dependencies are pure JavaScript, so a package built on any OS runs on the Linux plan.
 */
export async function buildFunctionPackage({ root, workDir }: PackageBuild): Promise<FunctionPackage> {
  const stage = join(workDir, 'functionapp');
  await rm(workDir, { recursive: true, force: true });
  await mkdir(stage, { recursive: true });

  await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', join(stage, 'dist')]);
  await copyFile(join(root, 'handlers/azure/host.json'), join(stage, 'host.json'));
  await copyFile(join(root, 'package.json'), join(stage, 'package.json'));
  await copyFile(join(root, 'package-lock.json'), join(stage, 'package-lock.json'));
  await runNpm(['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], stage);

  const zipPath = join(workDir, 'functionapp.zip');
  const { bytes, files } = await zipFolder(stage, zipPath);
  return { zipPath, bytes, files };
}

/** npm is a `.cmd` on Windows, which Node only starts through a shell. */
async function runNpm(args: string[], cwd: string): Promise<void> {
  const windows = process.platform === 'win32';
  await run(windows ? 'npm.cmd' : 'npm', args, { cwd, shell: windows, maxBuffer: 16 * 1024 * 1024 });
}

async function zipFolder(folder: string, zipPath: string): Promise<{ bytes: number; files: number }> {
  const entries: Record<string, Uint8Array> = {};
  for (const file of await filesUnder(folder)) {
    entries[relative(folder, file).split(sep).join('/')] = await readFile(file);
  }
  const zip = zipSync(entries, { level: 6 });
  await writeFile(zipPath, zip);
  return { bytes: zip.byteLength, files: Object.keys(entries).length };
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return filesUnder(path);
      return entry.isFile() ? [path] : [];
    }),
  );
  return nested.flat();
}
