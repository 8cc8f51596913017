import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineEnvironment } from '../../test/support/offlineEnvironment.js';
import { buildFunctionPackage, type FunctionPackage } from './buildFunctionPackage.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const projectManifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let workDir: string;
let built: FunctionPackage;
let entries: Record<string, Uint8Array>;
let unpacked: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'function-package-'));
  built = await buildFunctionPackage({ root, workDir: join(workDir, 'build') });
  entries = unzipSync(await readFile(built.zipPath));
  // Unpacked outside the project, so nothing can be found in the project's own node_modules.
  unpacked = join(workDir, 'wwwroot');
  for (const [path, content] of Object.entries(entries)) {
    if (path.endsWith('/')) continue;
    await mkdir(dirname(join(unpacked, path)), { recursive: true });
    await writeFile(join(unpacked, path), content);
  }
}, 300_000);
afterAll(() => rm(workDir, { recursive: true, force: true }));

function text(path: string): string {
  const content = entries[path];
  if (!content) throw new Error(`${path} is not in the package`);
  return new TextDecoder().decode(content);
}

/** Imports the package's entry point with Node in the unpacked folder, as the Functions host would. */
function loadEntry(environment: Record<string, string | undefined>) {
  const script = `await import(${JSON.stringify(`./${projectManifest.main}`)}); console.log('engine loaded'); process.exit(0);`;
  return run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: unpacked,
    env: { PATH: process.env['PATH'], ...environment },
  }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('the Function App code package built from the project', () => {
  it('[Hosting] has host.json (with the extension bundle the queue triggers need) and package.json at its root', () => {
    const host = JSON.parse(text('host.json'));
    expect(host.version).toBe('2.0');
    expect(host.extensionBundle).toEqual({ id: 'Microsoft.Azure.Functions.ExtensionBundle', version: '[4.*, 5.0.0)' });
    const manifest = JSON.parse(text('package.json'));
    expect(manifest.type).toBe('module');
    expect(entries[manifest.main]).toBeDefined();
    expect(built.files).toBe(Object.keys(entries).length);
  });

  it('[Hosting] holds every production dependency and none of the development ones, nor any test', () => {
    for (const dependency of Object.keys(projectManifest.dependencies)) {
      expect(entries[`node_modules/${dependency}/package.json`], dependency).toBeDefined();
    }
    for (const devDependency of Object.keys(projectManifest.devDependencies)) {
      expect(entries[`node_modules/${devDependency}/package.json`], devDependency).toBeUndefined();
    }
    const compiled = Object.keys(entries).filter((path) => path.startsWith('dist/'));
    expect(compiled.length).toBeGreaterThan(100);
    expect(compiled.filter((path) => /\.test\.js$|\/(infra|local|test)\//.test(path))).toEqual([]);
  });

  it('[Hosting] loads the engine from the unpacked package alone, with the settings the app gets', async () => {
    // As in Azure: storage and Cosmos DB by managed identity, no key or connection string.
    const { AzureWebJobsStorage: _connectionString, COSMOS_KEY: _cosmosKey, ...appSettings } = offlineEnvironment({
      AzureWebJobsStorage__accountName: 'stmsenginedev',
    });
    const loaded = await loadEntry({ ...appSettings, AzureWebJobsStorage__credential: 'managedidentity' });
    expect(loaded.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find/);
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toContain('engine loaded');

    const withoutSettings = await loadEntry({});
    expect(withoutSettings.code).not.toBe(0);
    expect(withoutSettings.stderr).toContain('invalid engine settings');
  });
});
