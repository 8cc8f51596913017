/**
 * [Brugerrettigheder] The app roles of the engine's Entra ID app registration. The first five are the
 * seed's (section 2.3.11); the seed is silent on finance and on machine callers, so two are added:
 * - Finance: posting runs to Business Central, payment and campaign imports, refunds and the chart of
 *   accounts are bookkeeping work the seed gives to finance, not to marketing or member service.
 * - Integration: MS's own automations (Power Automate, Logic Apps, scripts) sign in as an app with
 *   client credentials; they report delivery outcomes and check the stop list, nothing more.
 * The values are what Entra ID puts in the token's `roles` claim.
 */
export const staffRoles = ['Administrator', 'Editor', 'EditorLight', 'Analyst', 'MemberServiceEditor', 'Finance', 'Integration'] as const;

export type StaffRole = (typeof staffRoles)[number];

export const staffRoleDescriptions: Record<StaffRole, string> = {
  Administrator: 'Administrator (one person at MS): everything, including configuration, dead letters and the audit log',
  Editor: 'Editor (redaktør): communication set-up, contacts search/edit/delete, reports create/read',
  EditorLight: 'Editor light (redaktør light): edit communication set-up, search/edit contacts, read reports',
  Analyst: 'Analyst (analytiker): read reports and datasets',
  MemberServiceEditor: 'Member-service editor (medlemsservice redaktør): search/edit contacts, CPR, OF agreements',
  Finance: 'Finance: posting runs, payment and campaign imports, refunds, chart of accounts',
  Integration: 'Integration: machine callers (client credentials) reporting outcomes and checking the stop list',
};

export function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}
