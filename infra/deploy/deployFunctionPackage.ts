// Builds the engine's code package and publishes it to the stack's Function App. The Pulumi program
// runs this on the operator's machine during `pulumi up` when the sources changed (functionPackage.ts);
// it can also be run by hand: FUNCTION_APP_SCM_URL=https://<app>.scm.azurewebsites.net npm run deploy:package
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DefaultAzureCredential } from '@azure/identity';
import { buildFunctionPackage } from './buildFunctionPackage.js';
import { publishFunctionPackage } from './publishFunctionPackage.js';

const scmUrl = process.env['FUNCTION_APP_SCM_URL'];
if (!scmUrl) {
  console.error('FUNCTION_APP_SCM_URL is not set (the Function App\'s deployment site, e.g. https://func-msengine-dev.scm.azurewebsites.net)');
  process.exit(2);
}

const root = process.cwd();
const built = await buildFunctionPackage({ root, workDir: join(root, '.build') });
console.log(`built ${built.zipPath}: ${built.files} files, ${(built.bytes / 1_048_576).toFixed(1)} MB`);

// The same sign-in the azure-native provider uses: `az login`, or a service principal in AZURE_* variables.
const credential = new DefaultAzureCredential();
await publishFunctionPackage({
  scmUrl,
  zip: await readFile(built.zipPath),
  accessToken: async () => (await credential.getToken('https://management.azure.com/.default')).token,
  log: (line) => console.log(line),
});
