import type { StaffRole } from '../../../domain/access/StaffRole.js';

/**
 * Local-only identities of the simulated MS tenant: the engine's app registration, the Entra ID
 * groups standing for MS's teams, one member of staff per role, and one integration app. None of
 * them exists in Azure.
 */
export const localSignIn = {
  tenantId: '00000000-0000-0000-0000-0000005a1e00',
  /** The engine's app registration: the `aud` of staff tokens. */
  engineClientId: '33333333-3333-4333-8333-333333333333',
  integrationClientId: '44444444-4444-4444-8444-444444444444',
  integrationClientSecret: 'local-integration-client-secret',
  integrationObjectId: '44444444-0000-4000-8000-0000000000a9',
} as const;

/** Entra ID group ids standing for MS's teams locally (the team table maps them to team names). */
export const localTeamGroups: Record<string, string> = {
  fundraising: '55555555-0000-4000-8000-00000000f001',
  'global-contact': '55555555-0000-4000-8000-00000000f002',
};

export interface LocalStaffMember {
  oid: string;
  name: string;
  username: string;
  roles: StaffRole[];
  teams: string[];
}

/** One made-up colleague per role (the fundraising team), for `npm start` and the tests. */
export const localStaff: Record<Exclude<StaffRole, 'Integration'>, LocalStaffMember> = {
  Administrator: { oid: '66666666-0000-4000-8000-000000000001', name: 'Ada Administrator', username: 'ada@ms.local', roles: ['Administrator'], teams: ['fundraising'] },
  Editor: { oid: '66666666-0000-4000-8000-000000000002', name: 'Eva Redaktør', username: 'eva@ms.local', roles: ['Editor'], teams: ['fundraising'] },
  EditorLight: { oid: '66666666-0000-4000-8000-000000000003', name: 'Lars Light', username: 'lars@ms.local', roles: ['EditorLight'], teams: ['fundraising'] },
  Analyst: { oid: '66666666-0000-4000-8000-000000000004', name: 'Anna Analytiker', username: 'anna@ms.local', roles: ['Analyst'], teams: ['fundraising'] },
  MemberServiceEditor: { oid: '66666666-0000-4000-8000-000000000005', name: 'Mette Medlemsservice', username: 'mette@ms.local', roles: ['MemberServiceEditor'], teams: ['fundraising'] },
  Finance: { oid: '66666666-0000-4000-8000-000000000006', name: 'Frederik Finans', username: 'frederik@ms.local', roles: ['Finance'], teams: ['fundraising'] },
};
