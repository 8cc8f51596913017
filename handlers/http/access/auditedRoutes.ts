import type { AuditKind } from '../../../domain/audit/AuditEntry.js';

/** How a staff route is audited ([KomMed-GDPR]). */
export interface AuditedRoute {
  kind: AuditKind;
  /** Path parameters holding person ids. */
  personParams?: string[];
  /** JSON body fields holding person ids (a merge names the merged person in its body). */
  personBodyFields?: string[];
  /** Path parameters naming another record touched, with its kind. */
  subjectParams?: Record<string, string>;
  /** A bulk read or export: the entry is written once the answer is ready (with its count and the query as criteria), before it leaves. */
  bulk?: boolean;
}

const person = { personParams: ['id'] };

/**
 * [KomMed-GDPR] Every staff route that reads, changes or exports personal data, and how its audit
 * entry is made. Routes over configuration, counts or bookkeeping totals are not here.
 */
export const auditedRoutes: Record<string, AuditedRoute> = {
  'GET /admin/persons/:id': { kind: 'read', ...person },
  'GET /admin/persons/:id/consents': { kind: 'read', ...person },
  'GET /admin/persons/:id/form-submissions': { kind: 'read', ...person },
  'GET /admin/persons/:id/gift-total': { kind: 'read', ...person },
  'GET /admin/persons/:id/preference-link': { kind: 'read', ...person },
  'GET /admin/persons/:id/messages': { kind: 'read', ...person },
  'GET /admin/persons/:id/telemarketing-leads': { kind: 'read', ...person },
  'GET /admin/telemarketing/files/:id/content': { kind: 'export', bulk: true, subjectParams: { id: 'lead-file' } },
  'POST /admin/telemarketing/leads': { kind: 'change', personBodyFields: ['personId'] },
  'POST /admin/telemarketing/leads/:id/close': { kind: 'change', subjectParams: { id: 'telemarketing-lead' } },
  'GET /admin/member-service/tasks': { kind: 'read', bulk: true },
  'GET /admin/tax-report/:year/statements/:personId': { kind: 'read', personParams: ['personId'] },
  'POST /admin/tax-report/:year/runs': { kind: 'read', bulk: true },
  'POST /admin/tax-report/:year/deliveries': { kind: 'read', bulk: true },
  'GET /admin/tax-report/deliveries/:number/file': { kind: 'export', bulk: true, subjectParams: { number: 'tax-delivery' } },
  'GET /admin/persons/:id/tax-report-markers': { kind: 'read', ...person },
  'GET /admin/telemarketing/leads': { kind: 'read', bulk: true },
  'POST /admin/persons/:id/telemarketing-leads/close': { kind: 'change', ...person },
  'POST /admin/message-templates/:id/preview': { kind: 'read', personBodyFields: ['personId'] },
  'POST /admin/message-templates/:id/test': { kind: 'read', personBodyFields: ['personId'] },
  'GET /admin/payments/:id': { kind: 'read', subjectParams: { id: 'payment' } },
  'GET /admin/stop-list/:id': { kind: 'read', subjectParams: { id: 'stop-list-entry' } },
  'POST /admin/persons/:id/consents': { kind: 'change', ...person },
  'POST /admin/persons/:id/invalid-contact': { kind: 'change', ...person },
  'POST /admin/persons/:id/merge': { kind: 'change', ...person, personBodyFields: ['mergedPersonId'] },
  'POST /admin/duplicate-reviews/:id/decision': { kind: 'change', subjectParams: { id: 'duplicate-review' } },
  'POST /admin/payments/:id/refund': { kind: 'change', subjectParams: { id: 'payment' } },
  'POST /admin/agreements/:id/cancel': { kind: 'change', subjectParams: { id: 'agreement' } },
  'POST /admin/stop-list': { kind: 'change' },
  'DELETE /admin/stop-list/:id': { kind: 'change', subjectParams: { id: 'stop-list-entry' } },
  'POST /admin/petitions/:petitionId/signatures/:signatureId/withdraw': { kind: 'change', subjectParams: { signatureId: 'signature' } },
  'POST /admin/dead-letters/:id/replay': { kind: 'change', subjectParams: { id: 'dead-letter' } },
  'GET /admin/contacts': { kind: 'read', bulk: true },
  'GET /admin/stop-list': { kind: 'read', bulk: true },
  'POST /admin/stop-list/check': { kind: 'read', bulk: true },
  'GET /admin/petitions/:petitionId/signatures': { kind: 'read', bulk: true },
  'GET /admin/marketing-lists/:list': { kind: 'read', bulk: true },
  'GET /admin/duplicate-reviews': { kind: 'read', bulk: true },
  'GET /admin/dead-letters': { kind: 'read', bulk: true },
  'POST /admin/segments/filter': { kind: 'read', bulk: true },
  'GET /admin/segments/:group': { kind: 'export', bulk: true },
  'GET /admin/persons/:id/export': { kind: 'export', ...person },
  'PUT /admin/persons/:id/cpr': { kind: 'change', ...person },
  'GET /admin/persons/:id/cpr': { kind: 'read', ...person },
  'POST /admin/persons/:id/anonymise': { kind: 'change', ...person },
  'POST /admin/anonymisation/segments/dry-run': { kind: 'read', bulk: true },
  'GET /admin/anonymisation/candidates': { kind: 'read', bulk: true },
  'POST /admin/anonymisation/candidates/:personId/decision': { kind: 'change', personParams: ['personId'] },
};
