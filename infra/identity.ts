import * as pulumi from '@pulumi/pulumi';
import * as authorization from '@pulumi/azure-native/authorization/index.js';
import * as cosmosdb from '@pulumi/azure-native/cosmosdb/index.js';
import type * as web from '@pulumi/azure-native/web/index.js';
import { guidFrom } from './names.js';

/** Built-in Cosmos DB data-plane role "Cosmos DB Built-in Data Contributor" (read and write items). */
export const cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002';

/** Azure built-in role definitions (the same GUID in every tenant) the Function App's identity gets. */
export const builtInRoles = {
  /**
   * Blobs and their containers: the Functions host's own state (locks and leases), the datasets, and the
   * code package Flex Consumption deploys from. Owner, as identity-based AzureWebJobsStorage requires.
   */
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
  /** Read, write and delete queue messages: the queue triggers, the engine's queues and their poison queues. */
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
  /** Read and write table entities: the Functions host keeps some of its state in tables. */
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160be3a',
  /** Read secret contents: the Key Vault references in the app settings. */
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6',
} as const;

/** The Function App's system-assigned identity (its service principal's object id). */
export function principalIdOf(app: web.WebApp): pulumi.Output<string> {
  return app.identity.apply((identity) => {
    if (!identity?.principalId) throw new Error('the Function App has no system-assigned identity');
    return identity.principalId;
  });
}

/** Lets the Function App's managed identity read and write the account's data without keys. */
export function grantCosmosDataContributor(
  app: web.WebApp,
  account: cosmosdb.DatabaseAccount,
  resourceGroupName: pulumi.Input<string>,
): cosmosdb.SqlResourceSqlRoleAssignment {
  const principalId = principalIdOf(app);

  return new cosmosdb.SqlResourceSqlRoleAssignment('engine-cosmos-data-contributor', {
    accountName: account.name,
    resourceGroupName,
    roleAssignmentId: pulumi
      .all([account.name, principalId])
      .apply(([accountName, principal]) => guidFrom(accountName, principal, cosmosDataContributorRoleId)),
    roleDefinitionId: pulumi.interpolate`${account.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}`,
    principalId,
    scope: account.id,
  });
}

export interface RoleGrant {
  /** Pulumi's logical name, e.g. `engine-storage-blob-data-owner`. */
  name: string;
  role: keyof typeof builtInRoles;
  /** Resource id the role applies to. */
  scope: pulumi.Input<string>;
}

/** Gives the Function App's identity Azure RBAC roles (control-plane role assignments, named by a stable GUID). */
export function grantRoles(app: web.WebApp, subscriptionId: pulumi.Input<string>, grants: RoleGrant[]): authorization.RoleAssignment[] {
  const principalId = principalIdOf(app);
  return grants.map(
    ({ name, role, scope }) =>
      new authorization.RoleAssignment(name, {
        principalId,
        // Without the type, Azure looks the principal up in Entra ID and may not find a new identity yet.
        principalType: 'ServicePrincipal',
        roleDefinitionId: pulumi.interpolate`/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${builtInRoles[role]}`,
        roleAssignmentName: pulumi
          .all([pulumi.output(scope), principalId])
          .apply(([scopeId, principal]) => guidFrom(scopeId, principal, builtInRoles[role])),
        scope,
      }),
  );
}
