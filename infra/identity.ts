import * as pulumi from '@pulumi/pulumi';
import * as cosmosdb from '@pulumi/azure-native/cosmosdb/index.js';
import type * as web from '@pulumi/azure-native/web/index.js';
import { guidFrom } from './names.js';

/** Built-in Cosmos DB data-plane role "Cosmos DB Built-in Data Contributor" (read and write items). */
export const cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002';

/** Lets the Function App's managed identity read and write the account's data without keys. */
export function grantCosmosDataContributor(
  app: web.WebApp,
  account: cosmosdb.DatabaseAccount,
  resourceGroupName: pulumi.Input<string>,
): cosmosdb.SqlResourceSqlRoleAssignment {
  const principalId = app.identity.apply((identity) => {
    if (!identity?.principalId) throw new Error('the Function App has no system-assigned identity');
    return identity.principalId;
  });

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
