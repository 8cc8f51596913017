import { startCosmos } from './cosmos.js';

/** Entry of `startCosmosProcess`: runs the stand-in and prints its endpoint as the first line. */
const cosmos = await startCosmos();
process.stdout.write(`${cosmos.endpoint}\n`);
process.on('SIGTERM', () => void cosmos.close().then(() => process.exit(0)));
