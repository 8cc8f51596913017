import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { mockScmHostOf, runProgram, valueOf, withSecretsOpened, type RecordedResource } from '../testMocks.js';
import { deployPackageCommand } from './functionPackage.js';
import { sourceFingerprint } from './packageSources.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

let recorded: RecordedResource[];
let program: Awaited<ReturnType<typeof runProgram>>['program'];

beforeAll(async () => {
  ({ recorded, program } = await runProgram());
});

function deployment(): RecordedResource {
  const commands = recorded.filter((resource) => resource.type === 'command:local:Command');
  expect(commands).toHaveLength(1);
  return commands[0]!;
}

describe('the program deploys the engine code with the infrastructure', () => {
  it('[Hosting] builds and publishes the package from the project to the app\'s own deployment site', () => {
    const { inputs } = deployment();
    expect(inputs['create']).toBe(deployPackageCommand);
    expect(deployPackageCommand).toContain('infra/deploy/deployFunctionPackage.ts');
    expect(withSecretsOpened(inputs['environment'])).toEqual({ FUNCTION_APP_SCM_URL: `https://${mockScmHostOf('func-msengine-test')}` });
  });

  it('[Hosting] runs again exactly when the package sources change: their fingerprint is the trigger', async () => {
    const triggers = deployment().inputs['triggers'] as unknown[];
    expect(triggers[0]).toBe(sourceFingerprint(root));
    expect(triggers[1]).toBe(recorded.find((resource) => resource.type === 'azure-native:web:WebApp')?.id);
    expect(await valueOf(program.deployedSourceFingerprint)).toBe(sourceFingerprint(root));
  });
});
