import { resolve } from 'node:path';
import { jsonLogger } from '../adapters/system/jsonLogger.js';
import { localCredentials, localTelemarketingDirectory, startLocalStack } from './stack.js';
import { localSignIn } from './simulators/signin/localStaff.js';

/**
 * `npm start`: the engine on real local stand-ins. Well-known ports by default (the Functions
 * host's 7071, Azurite's 10000/10001, the Cosmos emulator's 8081); LOCAL_PORTS=free picks free ones.
 * Data stays in LOCAL_DATA_DIR (default .local-data, git-ignored) across restarts.
 */
const freePorts = process.env.LOCAL_PORTS === 'free';
const pick = (port: number) => (freePorts ? 0 : port);
const dataDir = resolve(process.env.LOCAL_DATA_DIR ?? '.local-data');

const stack = await startLocalStack({
  dataDir,
  ports: { engine: pick(7071), blob: pick(10000), queue: pick(10001), cosmos: pick(8081), onlineFundraising: pick(7072), dataverse: pick(7073), email: pick(7074), drupal: pick(7075), businessCentral: pick(7076), signIn: pick(7077), telemarketingSftp: pick(2222), heroBase: pick(7078) },
  logger: jsonLogger({ service: 'ms-engine' }),
  // Saved every second while it changes, so a crash loses at most the last second (see README).
  saveEveryMs: 1_000,
});

const lines = [
  'MS engine running locally',
  `  engine                 ${stack.engineUrl}   (GET /health)`,
  `  OnlineFundraising sim  ${stack.onlineFundraising.url}`,
  `  Dataverse sim          ${stack.dataverse.url}`,
  `  ACS Email sim          ${stack.email.url}`,
  `  Drupal sim             ${stack.drupal.url}`,
  `  Business Central sim   ${stack.businessCentral.url}`,
  `  Entra ID sign-in sim   ${stack.signIn.url}   (issuer ${stack.signIn.issuer})`,
  `  HeroBase dialer sim    ${stack.heroBase.url}`,
  `  TM vendor SFTP sim     sftp://${localCredentials.telemarketingSftpUser}@${stack.telemarketingSftp.host}:${stack.telemarketingSftp.port}${localTelemarketingDirectory}   (password ${localCredentials.telemarketingSftpPassword})`,
  `  Cosmos DB stand-in     ${stack.cosmos.endpoint}`,
  `  Azurite blob / queue   ${stack.azurite.blobUrl} / ${stack.azurite.queueUrl}`,
  `  data kept in           ${dataDir}`,
  '',
  'Send a signed demo signup from the OF simulator to the engine:',
  `  curl -s -X POST ${stack.onlineFundraising.url}/_sim/demo/signup`,
  'See the contact it became in the Dataverse simulator:',
  `  curl -s ${stack.dataverse.url}/_sim/tables/contacts`,
  'Staff API: sign in as a local colleague (one per role: Administrator, Editor, EditorLight, Analyst,',
  'MemberServiceEditor, Finance) and call a route with the token, e.g. list dead letters:',
  `  TOKEN=$(curl -s ${stack.signIn.url}/_sim/token/Administrator)`,
  `  curl -s -H "Authorization: Bearer $TOKEN" ${stack.engineUrl}/admin/dead-letters`,
  'An integration app signs in with client credentials:',
  `  curl -s -d grant_type=client_credentials -d client_id=${localSignIn.integrationClientId} -d client_secret=${localSignIn.integrationClientSecret} -d scope=api://${localSignIn.engineClientId}/.default ${stack.signIn.url}/${localSignIn.tenantId}/oauth2/v2.0/token`,
  '',
  `The API's description (OpenAPI 3.1): ${stack.engineUrl}/openapi.json`,
  '',
  'Ctrl-C stops everything and keeps the data.',
];
process.stdout.write(`${lines.join('\n')}\n`);

let stopping = false;
const stop = async (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`${signal}: stopping and keeping the data in ${dataDir}\n`);
  try {
    await stack.stop();
    process.exit(0);
  } catch (error) {
    process.stderr.write(`could not stop cleanly: ${String(error)}\n`);
    process.exit(1);
  }
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
