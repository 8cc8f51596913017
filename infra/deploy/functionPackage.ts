import * as local from '@pulumi/command/local/index.js';
import * as pulumi from '@pulumi/pulumi';
import type * as web from '@pulumi/azure-native/web/index.js';
import { sourceFingerprint } from './packageSources.js';

/** The command `pulumi up` runs, from the project root, to build and publish the package. */
export const deployPackageCommand = 'node --import tsx infra/deploy/deployFunctionPackage.ts';

export interface FunctionPackageInputs {
  app: web.WebApp;
  /** The project root; the fingerprint is taken over its package sources. */
  root: string;
  /** What must exist before the package can run: the app's roles on storage, Key Vault and Cosmos DB. */
  dependsOn: pulumi.Input<pulumi.Resource>[];
}

/**
 * Deploys the engine's code with the infrastructure: a local command that builds the package from the
 * project and publishes it to the app (deployFunctionPackage.ts). It runs on the first `pulumi up`,
 * and again only when the package's sources change (their fingerprint is the trigger) or the app is
 * replaced; `pulumi preview` builds nothing. The fingerprint is in the stack's state, so `pulumi
 * stack export` shows which sources are deployed.
 */
export function deployFunctionPackage({ app, root, dependsOn }: FunctionPackageInputs): local.Command {
  return new local.Command(
    'engine-code-package',
    {
      create: deployPackageCommand,
      environment: { FUNCTION_APP_SCM_URL: scmUrlOf(app) },
      triggers: [sourceFingerprint(root), app.id],
    },
    { dependsOn },
  );
}

/** The app's deployment site: its "Repository" host name (apps with unique default host names have a different one). */
export function scmUrlOf(app: web.WebApp): pulumi.Output<string> {
  return pulumi.all([app.name, app.hostNameSslStates]).apply(([name, hostNames]) => {
    const repository = hostNames?.find((hostName) => hostName.hostType === 'Repository')?.name;
    return `https://${repository ?? `${name}.scm.azurewebsites.net`}`;
  });
}
