import type { StaffRole } from '../../../domain/access/StaffRole.js';

/** Who reads people's contact data: the seed's roles that "search contacts". */
const contactReaders = ['Administrator', 'Editor', 'EditorLight', 'MemberServiceEditor'] as const;
/** Who changes contact data: the same roles ("search and edit contacts"). */
const contactEditors = contactReaders;
/** Destructive changes to people (merging one into another): not Editor light, who may not delete. */
const contactRemovers = ['Administrator', 'Editor', 'MemberServiceEditor'] as const;
/** Communication set-up (consent topics, keywords, forms, segments): "edit communication flows". */
const communicationEditors = ['Administrator', 'Editor', 'EditorLight'] as const;
/** Creating or redefining communication set-up: "create, change and delete communication flows". */
const communicationOwners = ['Administrator', 'Editor'] as const;
/** Reports and datasets: "access and read reports". */
const reportReaders = ['Administrator', 'Editor', 'EditorLight', 'Analyst'] as const;
/** Bookkeeping: posting runs, imports, the chart of accounts. */
const finance = ['Administrator', 'Finance'] as const;
/** Money of one person (a payment, a refund, the gift total): finance and member service, who answer donors. */
const paymentHandlers = ['Administrator', 'Finance', 'MemberServiceEditor'] as const;
/** The engine's own configuration and operations (dead letters, match rules, field mappings, reconciliation). */
const administrators = ['Administrator'] as const;

/**
 * [Brugerrettigheder] The one permission table: every staff-API route (method and path as the app
 * registers it) and the roles that may call it. A route missing here is refused (404) for everyone,
 * and a test fails when the app has a route this table does not name, or names one the app lacks.
 */
export const permissions: Record<string, readonly StaffRole[]> = {
  'GET /admin/dead-letters': administrators,
  'POST /admin/dead-letters/:id/replay': administrators,
  'GET /admin/field-mappings': administrators,
  'PUT /admin/field-mappings': administrators,
  'GET /admin/match-rules': administrators,
  'GET /admin/match-rules/reindex': administrators,
  'PUT /admin/match-rules': administrators,
  'GET /admin/reconciliation': administrators,
  'GET /admin/audit-log': administrators,

  'GET /admin/persons/:id': contactReaders,
  'GET /admin/persons/:id/consents': contactReaders,
  'GET /admin/persons/:id/form-submissions': contactReaders,
  'GET /admin/contacts': contactReaders,
  'GET /admin/marketing-lists/:list': contactReaders,
  'GET /admin/stop-list': contactReaders,
  'GET /admin/stop-list/:id': contactReaders,
  'POST /admin/stop-list/check': [...contactReaders, 'Integration'],
  'POST /admin/persons/:id/consents': contactEditors,
  'POST /admin/persons/:id/invalid-contact': contactEditors,
  'GET /admin/persons/:id/preference-link': contactEditors,
  'POST /admin/stop-list': contactEditors,
  'DELETE /admin/stop-list/:id': contactRemovers,
  'POST /admin/persons/:id/merge': contactRemovers,
  'GET /admin/duplicate-reviews': contactRemovers,
  'POST /admin/duplicate-reviews/:id/decision': contactRemovers,
  'POST /admin/agreements/:id/cancel': ['Administrator', 'MemberServiceEditor'],

  'GET /admin/petitions/:petitionId/counts': reportReaders,
  'GET /admin/petitions/:petitionId/signatures': contactReaders,
  'POST /admin/petitions/:petitionId/signatures/:signatureId/withdraw': contactEditors,

  'GET /admin/consent-topics': [...reportReaders, 'MemberServiceEditor'],
  'PUT /admin/consent-topics': communicationOwners,
  'GET /admin/team-limits': communicationEditors,
  'PUT /admin/team-limits': administrators,
  'GET /admin/keywords': communicationEditors,
  'GET /admin/keywords/table': communicationEditors,
  'PUT /admin/keywords/table': communicationEditors,
  'POST /admin/keywords': communicationEditors,
  'GET /admin/keywords/resolve': [...communicationEditors, 'Integration'],
  'GET /admin/drupal-forms': communicationEditors,
  'PUT /admin/drupal-forms': communicationOwners,
  'POST /admin/imports/signatures': communicationEditors,
  'POST /admin/segments/filter': communicationEditors,
  'GET /admin/segments/:group': communicationEditors,
  'GET /admin/tax-report/:year/rules': paymentHandlers,
  'PUT /admin/tax-report/:year/rules': finance,
  'POST /admin/tax-report/:year/runs': finance,
  'GET /admin/tax-report/:year/statements/:personId': paymentHandlers,
  'GET /admin/tax-report/reporter': paymentHandlers,
  'PUT /admin/tax-report/reporter': finance,
  'POST /admin/tax-report/:year/deliveries': finance,
  'GET /admin/tax-report/deliveries': finance,
  'GET /admin/tax-report/deliveries/:number': finance,
  'GET /admin/tax-report/deliveries/:number/file': finance,
  'GET /admin/persons/:id/tax-report-markers': paymentHandlers,
  'GET /admin/telemarketing/campaigns': communicationEditors,
  'GET /admin/telemarketing/campaigns/:id': communicationEditors,
  'PUT /admin/telemarketing/campaigns/:id': communicationOwners,
  'GET /admin/telemarketing/files': communicationEditors,
  'GET /admin/telemarketing/files/:id': communicationEditors,
  'GET /admin/telemarketing/files/:id/content': communicationEditors,
  'POST /admin/telemarketing/extracts': communicationEditors,
  'POST /admin/telemarketing/transfers': communicationEditors,
  'POST /admin/telemarketing/leads': [...communicationEditors, 'Integration'],
  'POST /admin/telemarketing/leads/:id/close': [...communicationEditors, 'MemberServiceEditor', 'Integration'],
  'GET /admin/member-service/tasks': contactReaders,
  'GET /admin/telemarketing/leads': [...contactReaders, 'Analyst'],
  'POST /admin/persons/:id/telemarketing-leads/close': [...contactEditors, 'Integration'],
  'GET /admin/persons/:id/telemarketing-leads': contactReaders,
  'GET /admin/segment-definitions': communicationEditors,
  'POST /admin/segment-definitions': communicationEditors,
  'GET /admin/segment-definitions/:id': communicationEditors,
  'PUT /admin/segment-definitions/:id': communicationEditors,
  'POST /admin/segment-definitions/:id/count': communicationEditors,
  'GET /admin/message-templates': communicationEditors,
  'POST /admin/message-templates': communicationEditors,
  'GET /admin/message-templates/:id': communicationEditors,
  'PUT /admin/message-templates/:id': communicationEditors,
  'POST /admin/message-templates/:id/preview': communicationEditors,
  'POST /admin/message-templates/:id/test': communicationEditors,
  'GET /admin/sends': communicationEditors,
  'POST /admin/sends': communicationEditors,
  'GET /admin/sends/:id': communicationEditors,
  'POST /admin/sends/:id/pause': communicationEditors,
  'POST /admin/sends/:id/resume': communicationEditors,
  'POST /admin/sends/:id/cancel': communicationEditors,
  'GET /admin/sending/settings': communicationEditors,
  'PUT /admin/sending/settings': communicationOwners,
  'GET /admin/persons/:id/messages': contactReaders,
  'GET /admin/dunning-settings': communicationEditors,
  'PUT /admin/dunning-settings': communicationOwners,
  'POST /admin/delivery-outcomes': [...communicationOwners, 'Integration'],
  'GET /admin/delivery-alert-settings': communicationEditors,
  'PUT /admin/delivery-alert-settings': communicationOwners,

  'GET /admin/datasets': reportReaders,
  'PUT /admin/postcode-municipalities': communicationOwners,
  'GET /admin/jobs': [...reportReaders, 'Finance'],
  'GET /admin/jobs/runs/:id': [...reportReaders, 'Finance'],
  'POST /admin/jobs/:name/run': communicationOwners,

  'GET /admin/campaigns': [...reportReaders, 'Finance'],
  'GET /admin/campaigns/:code': [...reportReaders, 'Finance'],
  'PUT /admin/campaigns/:code': [...communicationOwners, 'Finance'],
  'GET /admin/bookkeeping/chart': finance,
  'PUT /admin/bookkeeping/chart': finance,
  'POST /admin/imports/payments': finance,
  'POST /admin/imports/campaigns': finance,
  'POST /admin/posting-runs': finance,
  'POST /admin/posting-runs/:id/review': finance,
  'GET /admin/posting-runs': finance,
  'GET /admin/posting-runs/:id': finance,
  'GET /admin/posting-runs/:id/lines': finance,
  'GET /admin/payments/:id': paymentHandlers,
  'POST /admin/payments/:id/refund': paymentHandlers,
  'GET /admin/persons/:id/gift-total': paymentHandlers,
  'GET /admin/persons/:id/export': ['Administrator', 'MemberServiceEditor'],
  'PUT /admin/persons/:id/cpr': ['Administrator', 'MemberServiceEditor'],
  'GET /admin/persons/:id/cpr': ['Administrator', 'MemberServiceEditor'],
  'POST /admin/persons/:id/anonymise': ['Administrator', 'MemberServiceEditor'],
  'POST /admin/anonymisation/segments/dry-run': ['Administrator'],
  'POST /admin/anonymisation/segments': ['Administrator'],
  'GET /admin/anonymisation/rules': ['Administrator', 'MemberServiceEditor'],
  'PUT /admin/anonymisation/rules': ['Administrator'],
  'GET /admin/anonymisation/candidates': ['Administrator', 'MemberServiceEditor'],
  'POST /admin/anonymisation/candidates/:personId/decision': ['Administrator', 'MemberServiceEditor'],
};

export function routeKey(method: string, path: string): string {
  return `${method} ${path}`;
}
