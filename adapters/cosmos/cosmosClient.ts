import { CosmosClient } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';

export interface CosmosConfig {
  endpoint: string;
  /** Account key; omitted in Azure, where the Function App's managed identity signs in. */
  key?: string;
  database: string;
}

export function createCosmosClient(config: CosmosConfig): CosmosClient {
  // The local stand-in speaks plain http; endpoint discovery would send the SDK to https.
  const connectionPolicy = { enableEndpointDiscovery: !config.endpoint.startsWith('http://') };
  return config.key
    ? new CosmosClient({ endpoint: config.endpoint, key: config.key, connectionPolicy })
    : new CosmosClient({ endpoint: config.endpoint, aadCredentials: new DefaultAzureCredential(), connectionPolicy });
}
