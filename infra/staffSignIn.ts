import * as azuread from '@pulumi/azuread';
import * as pulumi from '@pulumi/pulumi';
import { v5 as uuidv5 } from 'uuid';
import { staffRoleDescriptions, staffRoles } from '../domain/access/StaffRole.js';
import type { StackConfig } from './config.js';

/** Fixed namespace for the app roles' and scope's ids: the same role keeps its id on every `pulumi up`. */
const idNamespace = '4b6f1b2e-3c1d-4f8e-9a57-6d2c0e9b7a10';

export interface StaffSignIn {
  /** The engine app registration's client id: the audience of staff tokens. */
  clientId: pulumi.Input<string>;
  application?: azuread.Application;
}

/**
 * [Brugerrettigheder][Hosting] The engine's app registration in MS's Entra ID: the seven app roles the
 * engine checks (values read from the engine's own list), v2.0 access tokens, only the groups assigned
 * to the app in tokens, the `access_as_user` scope, and assignment required. A stack whose config
 * names `staffAuthClientId` uses a registration MS's IT made by hand instead (infra/README.md); the
 * account running `pulumi up` then needs no directory role.
 */
export function createStaffSignIn(config: StackConfig, stack: string): StaffSignIn {
  if (config.staffSignIn.clientId) return { clientId: config.staffSignIn.clientId };
  const application = new azuread.Application('engine-api', {
    displayName: `ms-engine-${stack}`,
    signInAudience: 'AzureADMyOrg',
    groupMembershipClaims: ['ApplicationGroup'],
    api: {
      requestedAccessTokenVersion: 2,
      oauth2PermissionScopes: [
        {
          id: uuidv5('scope:access_as_user', idNamespace),
          value: 'access_as_user',
          type: 'User',
          enabled: true,
          adminConsentDisplayName: 'Use the MS engine as the signed-in colleague',
          adminConsentDescription: 'The MS engine staff API, with the app roles the colleague is assigned.',
          userConsentDisplayName: 'Use the MS engine',
          userConsentDescription: 'Lets the app call the MS engine as you.',
        },
      ],
    },
    appRoles: staffRoles.map((role) => ({
      id: uuidv5(`role:${role}`, idNamespace),
      value: role,
      displayName: role,
      description: staffRoleDescriptions[role],
      allowedMemberTypes: role === 'Integration' ? ['Application'] : ['User'],
      enabled: true,
    })),
    tags: ['ms-engine', stack],
  });
  new azuread.ApplicationIdentifierUri('engine-api', { applicationId: application.id, identifierUri: pulumi.interpolate`api://${application.clientId}` });
  new azuread.ServicePrincipal('engine-api', { clientId: application.clientId, appRoleAssignmentRequired: true });
  return { clientId: application.clientId, application };
}
