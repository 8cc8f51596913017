import { describe, expect, it } from 'vitest';
import { staffRoles } from '../domain/access/StaffRole.js';
import { mockEngineAppClientId, runProgram, testConfig, valueOf, type RecordedResource } from './testMocks.js';

type Inputs = Record<string, any>;
const ofType = (recorded: RecordedResource[], type: string) => recorded.filter((resource) => resource.type === type);

describe('[Brugerrettigheder][Hosting] the engine app registration', () => {
  it('[Brugerrettigheder][Hosting] without a client id in config, the program creates the registration with exactly the roles the engine checks, v2.0 tokens and assigned groups only, and the app trusts it', async () => {
    const { 'ms-engine:staffAuthClientId': _madeByHand, ...withoutClientId } = testConfig;
    const { recorded, program } = await runProgram({ config: withoutClientId });
    const [application] = ofType(recorded, 'azuread:index/application:Application') as { inputs: Inputs }[];
    expect(application).toBeDefined();
    const roles = application!.inputs['appRoles'] as { value: string; allowedMemberTypes: string[]; id: string }[];
    expect(roles.map((role) => role.value)).toEqual([...staffRoles]);
    expect(roles.find((role) => role.value === 'Integration')!.allowedMemberTypes).toEqual(['Application']);
    expect(roles.filter((role) => role.value !== 'Integration').every((role) => role.allowedMemberTypes.join() === 'User')).toBe(true);
    expect(new Set(roles.map((role) => role.id)).size).toBe(staffRoles.length);
    expect(application!.inputs).toMatchObject({ signInAudience: 'AzureADMyOrg', groupMembershipClaims: ['ApplicationGroup'], api: { requestedAccessTokenVersion: 2 } });
    expect(ofType(recorded, 'azuread:index/servicePrincipal:ServicePrincipal')[0]!.inputs).toMatchObject({ appRoleAssignmentRequired: true });
    expect(await valueOf(program.staffSignInClientId)).toBe(mockEngineAppClientId);
    const app = ofType(recorded, 'azure-native:web:WebApp')[0]!.inputs as Inputs;
    const settings = Object.fromEntries((app['siteConfig'].appSettings as { name: string; value: string }[]).map((setting) => [setting.name, setting.value]));
    expect(settings['STAFF_AUTH_AUDIENCE']).toBe(mockEngineAppClientId);
  });

  it('[Hosting] with a client id in config (made by hand), no registration is created and that id is the audience', async () => {
    const { recorded, program } = await runProgram();
    expect(ofType(recorded, 'azuread:index/application:Application')).toEqual([]);
    expect(await valueOf(program.staffSignInClientId)).toBe(testConfig['ms-engine:staffAuthClientId']);
  });
});
