import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageSourceFiles, sourceFingerprint } from './packageSources.js';

let root: string;

async function write(file: string, content: string): Promise<void> {
  await mkdir(dirname(join(root, file)), { recursive: true });
  await writeFile(join(root, file), content);
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'package-sources-'));
  await write('tsconfig.build.json', JSON.stringify({ include: ['domain', 'handlers'], exclude: ['**/*.test.ts', '**/testClient.ts'] }));
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json']) await write(file, '{}');
  await write('domain/person.ts', 'export const person = 1;');
  await write('domain/person.test.ts', 'it("works", () => {});');
  await write('handlers/azure/host.json', '{"version":"2.0"}');
  await write('handlers/http/testClient.ts', 'export {};');
  await write('infra/index.ts', 'export {};');
  await write('README.md', '# readme');
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('what the code package is built from', () => {
  it('[Hosting] is the folders tsconfig.build.json includes, without its excludes, plus the manifests', () => {
    expect(packageSourceFiles(root)).toEqual([
      'domain/person.ts',
      'handlers/azure/host.json',
      'package-lock.json',
      'package.json',
      'tsconfig.build.json',
      'tsconfig.json',
    ]);
  });

  it('[Hosting] changes its fingerprint when a source, host.json or the lock file changes, and only then', async () => {
    const deployed = sourceFingerprint(root);
    expect(sourceFingerprint(root)).toBe(deployed);

    await write('domain/person.test.ts', 'it("works differently", () => {});');
    await write('infra/index.ts', 'export const changed = true;');
    await write('README.md', '# changed');
    expect(sourceFingerprint(root)).toBe(deployed);

    for (const [file, content] of [
      ['domain/person.ts', 'export const person = 2;'],
      ['handlers/azure/host.json', '{"version":"2.0","extensions":{}}'],
      ['package-lock.json', '{"lockfileVersion":3}'],
    ] as const) {
      const before = sourceFingerprint(root);
      await write(file, content);
      expect(sourceFingerprint(root), file).not.toBe(before);
    }
  });

  it('[Hosting] refuses an exclude pattern it cannot read, rather than shipping or skipping files by accident', async () => {
    await write('tsconfig.build.json', JSON.stringify({ include: ['domain'], exclude: ['domain/legacy/**'] }));
    expect(() => packageSourceFiles(root)).toThrow(/exclude 'domain\/legacy\/\*\*'/);
  });
});
