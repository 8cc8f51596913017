import type { z } from 'zod';
import { onlineFundraisingNotificationSchema } from '../../../adapters/onlinefundraising/notification.js';
import { remoteExecutionContextSchema } from '../../../adapters/dataverse/remoteExecutionContext.js';
import { drupalNotificationSchema } from '../../queue/drupalNotificationSchema.js';
import { auditQuery } from '../auditLogRoutes.js';
import { chartBody } from '../bookkeepingChartRoutes.js';
import { paymentQuery } from '../bookkeepingImportRoutes.js';
import { campaignBody } from '../campaignRoutes.js';
import { staffEntryBody, teamLimitsBody, topicsBody } from '../consentRoutes.js';
import { flagBody, listQuery as invalidContactQuery } from '../contactFlagRoutes.js';
import { cprBody, preferenceCprBody } from '../cprRoutes.js';
import { anonymiseBody } from '../anonymisationRoutes.js';
import { candidateQuery, decisionBody as candidateDecisionBody, rulesBody as anonymisationRulesBody } from '../anonymisationScheduleRoutes.js';
import { confirmBody as segmentConfirmBody, dryRunBody as segmentDryRunBody } from '../anonymisationSegmentRoutes.js';
import { pageQuery as deadLetterQuery } from '../deadLetterRoutes.js';
import { outcomesBody, settingsBody as alertSettingsBody } from '../deliveryRoutes.js';
import { formsBody } from '../drupalFormRoutes.js';
import { cancelBody, segmentQuery, settingsBody as dunningSettingsBody } from '../dunningRoutes.js';
import { decisionBody, listQuery as reviewQuery } from '../duplicateReviewRoutes.js';
import { mappingTableBody } from '../fieldMappingRoutes.js';
import { importQuery } from '../importRoutes.js';
import { listQuery as jobQuery } from '../jobRoutes.js';
import { assignment, periodQuery, resolveQuery, tableBody as keywordTableBody } from '../keywordRoutes.js';
import { matchRuleTableBody } from '../matchRuleRoutes.js';
import { refundBody, yearQuery } from '../paymentRoutes.js';
import { mergeBody } from '../personRoutes.js';
import { linesQuery, reviewAnswerBody, runBody } from '../postingRunRoutes.js';
import { preferencesBody } from '../preferenceRoutes.js';
import { filterBody } from '../segmentRoutes.js';
import { countBody, definitionBody } from '../segmentDefinitionRoutes.js';
import { previewBody, templateBody, testBody } from '../messageTemplateRoutes.js';
import { sendBody, sendingSettingsBody } from '../sendRoutes.js';
import { callCampaignBody, closeAllBody, extractBody, filesQuery, leadsQuery, singleLeadBody, tasksQuery, transferBody } from '../telemarketingRoutes.js';
import { heroBaseNotificationSchema } from '../heroBaseWebhook.js';
import { taxReporterBody, taxYearRulesBody } from '../taxReportRoutes.js';
import { addBody as stopListAddBody, checkBody as stopListCheckBody, pageQuery as stopListQuery } from '../stopListRoutes.js';
import * as answers from './responseSchemas.js';

/** What the API description says about one route beyond its path, roles and the errors every route has. */
export interface RouteDoc {
  summary: string;
  /** The route's own query schema (as it validates). */
  query?: z.ZodType;
  /** The route's own JSON body schema, or `csv` for a file upload. */
  body?: z.ZodType | 'csv';
  /** The success status and what it holds. */
  success: { status: number; description: string; csv?: boolean; schema?: z.ZodType };
  /** Errors particular to the route (400 for a bad query or body, 404 for an unknown id are added where they apply). */
  errors?: number[];
}

const json = (description: string, status = 200, schema?: z.ZodType) => ({ status, description, ...(schema && { schema }) });

/**
 * The description of every route, built from the routes' own zod schemas (imported from the route
 * files, never copied), read by `openApiDocument`. A test fails when the app has a route not here.
 */
export const routeDocs: Record<string, RouteDoc> = {
  'GET /health': { summary: 'Liveness: the engine answers', success: json('{"status":"ok"}') },
  'GET /health/ready': { summary: 'Readiness: Cosmos DB, the queues and Key Vault answer', success: json('each dependency and its state'), errors: [503] },
  'GET /openapi.json': { summary: 'This description (OpenAPI 3.1)', success: json('the OpenAPI document') },
  'POST /webhooks/onlinefundraising': { summary: "OnlineFundraising's signed change notification (verified, queued)", body: onlineFundraisingNotificationSchema, success: json('queued', 202), errors: [401, 413, 415, 503] },
  'POST /webhooks/dataverse': { summary: "Dataverse's webhook (Merge and Update of contacts), by its key", body: remoteExecutionContextSchema, success: json('queued or nothing to do', 202), errors: [401, 413, 415, 503] },
  'POST /webhooks/drupal': { summary: "Drupal's signed webform notification (verified, queued)", body: drupalNotificationSchema, success: json('queued', 202), errors: [401, 413, 415, 503] },
  'POST /webhooks/herobase': { summary: "HeroBase's signed notification: a lead closed or a task made (verified, queued) ([Dialer4][Dialer5])", body: heroBaseNotificationSchema, success: json('queued', 202), errors: [401, 413, 415, 503] },
  'POST /webhooks/acs-email': { summary: "ACS Email's delivery and engagement reports through Event Grid (Event Grid schema or CloudEvents), by the key header; answers the validation handshake", success: json('queued (202), or the validation response (200)', 202), errors: [401, 413, 415] },
  'OPTIONS /webhooks/acs-email': { summary: "Event Grid's CloudEvents validation handshake (WebHook-Request-Origin → WebHook-Allowed-Origin)", success: json('allowed', 200) },
  'GET /preferences': { summary: 'Preference centre: what the signed link\'s person has chosen', success: json('topics and current consents'), errors: [401] },
  'POST /preferences': { summary: 'Preference centre: the person changes their choices', body: preferencesBody, success: json('the current consents'), errors: [401] },
  'POST /preferences/cpr': { summary: 'Preference centre: the person gives their CPR number for the tax report; 400 naming cpr when it is no CPR number ([Skatteindberetning])', body: preferenceCprBody, success: json('{"cprKnown":true}'), errors: [400, 401] },
  'POST /preferences/unsubscribe': { summary: "One-click unsubscribe (RFC 8058) from a mail's List-Unsubscribe header: all email withdrawn", success: json('{"unsubscribed":true}'), errors: [401] },
  'GET /landing/prefill': { summary: "A landing page exchanges an SMS link's token for the person's first name, email and phone", success: json('firstName, email, phone', 200, answers.landingPrefillSchema), errors: [401] },

  'GET /admin/dead-letters': { summary: 'Dead letters (failed work), newest first, by status', query: deadLetterQuery, success: json('a page of dead letters', 200, answers.deadLetterPageSchema) },
  'POST /admin/dead-letters/:id/replay': { summary: 'Replays a dead letter (once, even if asked twice)', success: json('queued again', 202), errors: [409] },
  'GET /admin/field-mappings': { summary: 'OF custom field → CRM column rules', success: json('the mapping table') },
  'PUT /admin/field-mappings': { summary: 'Replaces the field mapping table (target `cpr` seals a CPR field)', body: mappingTableBody, success: json('the saved table') },
  'GET /admin/match-rules': { summary: 'Duplicate rules of the identity resolver', success: json('the rule table') },
  'GET /admin/match-rules/reindex': { summary: 'Progress of re-indexing after a rule change', success: json('reindex status') },
  'PUT /admin/match-rules': { summary: 'Replaces the duplicate rules (re-indexes everyone)', body: matchRuleTableBody, success: json('the saved table') },
  'GET /admin/reconciliation': { summary: 'Last OF and CRM reconciliation reports', success: json('the reports') },
  'GET /admin/audit-log': { summary: 'Audit entries about a person or by a colleague, newest first', query: auditQuery, success: json('a page of audit entries', 200, answers.auditPageSchema) },

  'GET /admin/persons/:id': { summary: "A person's master data (CPR never shown: `cprKnown`)", success: json('the person', 200, answers.personViewSchema) },
  'GET /admin/persons/:id/consents': { summary: "A person's consent log and current consents", success: json('log and current consents', 200, answers.consentOverviewSchema) },
  'POST /admin/persons/:id/consents': { summary: 'Member service enters consent changes (signed by the caller)', body: staffEntryBody, success: json('the entries and current consents', 201, answers.consentOverviewSchema) },
  'GET /admin/persons/:id/form-submissions': { summary: "A person's processed form submissions", success: json('the submissions') },
  'GET /admin/persons/:id/preference-link': { summary: "A signed link to the person's preference page", success: json('the link') },
  'GET /admin/persons/:id/gift-total': { summary: "A person's payments and deductible total in a year", query: yearQuery, success: json('payments and totals') },
  'GET /admin/persons/:id/export': { summary: 'Data-subject access export: everything held about the person', success: json('one JSON document', 200, answers.dataSubjectExportSchema) },
  'PUT /admin/persons/:id/cpr': { summary: "Member service enters the person's CPR number (sealed)", body: cprBody, success: json('the person now has a CPR number', 200, answers.cprEnteredSchema) },
  'POST /admin/persons/:id/anonymise': {
    summary: 'Member service anonymises a person ([GDPR1]): here at once, in OF and the CRM by a queue until they confirm',
    body: anonymiseBody,
    success: json('started (`pending`); `anonymised` once OF and the CRM confirmed', 202, answers.anonymisationSchema),
    errors: [409],
  },
  'POST /admin/anonymisation/segments/dry-run': {
    summary: 'How many persons and who a segment anonymisation would take ([GDPR1]); changes nothing',
    body: segmentDryRunBody,
    success: json('the count and the person ids', 200, answers.segmentDryRunSchema),
  },
  'POST /admin/anonymisation/segments': {
    summary: 'Anonymises a segment, confirmed with the count of its dry run ([GDPR1]); 409 when the count changed',
    body: segmentConfirmBody,
    success: json('the segment and its job run', 202, answers.segmentConfirmedSchema),
    errors: [409],
  },
  'GET /admin/anonymisation/rules': { summary: 'The anonymisation schedule\'s rules ([CARE-Anon])', success: json('the rules in force', 200, answers.anonymisationRulesSchema) },
  'PUT /admin/anonymisation/rules': { summary: 'Replaces the anonymisation schedule\'s rules ([CARE-Anon])', body: anonymisationRulesBody, success: json('the saved rules', 200, answers.anonymisationRulesSchema) },
  'GET /admin/anonymisation/candidates': { summary: 'Who the schedule will anonymise, and on which day ([CARE-Anon])', query: candidateQuery, success: json('a page of candidates', 200, answers.candidatePageSchema) },
  'POST /admin/anonymisation/candidates/:personId/decision': {
    summary: 'Staff include or exclude a person from scheduled anonymisation ([CARE-Anon])',
    body: candidateDecisionBody,
    success: json('the candidate', 200, answers.candidateSchema),
    errors: [409],
  },
  'GET /admin/persons/:id/cpr': { summary: "The person's CPR number in clear (audited)", success: json('the number, or null', 200, answers.cprRevealedSchema) },
  'POST /admin/persons/:id/invalid-contact': { summary: "Flags the person's email or phone as not working", body: flagBody, success: json('the person') },
  'POST /admin/persons/:id/merge': { summary: 'Merges another person into this one (queued)', body: mergeBody, success: json('queued', 202) },
  'GET /admin/contacts': { summary: 'People whose email or phone is flagged as not working', query: invalidContactQuery, success: json('a page of flagged contacts') },
  'GET /admin/marketing-lists/:list': { summary: 'Members of a marketing list', success: json('the members') },
  'GET /admin/duplicate-reviews': { summary: 'Open duplicate reviews', query: reviewQuery, success: json('the reviews') },
  'POST /admin/duplicate-reviews/:id/decision': { summary: 'Decides a duplicate review: merge or not a duplicate', body: decisionBody, success: json('the decided review'), errors: [409] },
  'POST /admin/agreements/:id/cancel': { summary: 'Member service cancels an agreement via MS (in OF too)', body: cancelBody, success: json('the agreement state') },

  'GET /admin/stop-list': { summary: 'The stop list, newest first', query: stopListQuery, success: json('a page of entries', 200, answers.stopListPageSchema) },
  'GET /admin/stop-list/:id': { summary: 'One stop-list entry', success: json('the entry', 200, answers.stopListEntrySchema) },
  'POST /admin/stop-list': { summary: 'Adds a phone or email to the stop list (or widens its entry)', body: stopListAddBody, success: json('the entry (201 new, 200 widened)', 201, answers.stopListEntrySchema) },
  'POST /admin/stop-list/check': { summary: 'Is this phone or email stop-listed for the purpose?', body: stopListCheckBody, success: json('whether stop-listed, and the entries', 200, answers.stopListCheckSchema) },
  'DELETE /admin/stop-list/:id': { summary: 'Removes a stop-list entry', success: json('removed', 204) },

  'GET /admin/petitions/:petitionId/counts': { summary: "A petition's counts: all, de-duplicated, new leads, withdrawn", success: json('the counts', 200, answers.petitionCountsSchema) },
  'GET /admin/petitions/:petitionId/signatures': { summary: "A petition's signatures, newest first", success: json('the signatures') },
  'POST /admin/petitions/:petitionId/signatures/:signatureId/withdraw': { summary: 'Withdraws a signature (lowers the counts)', success: json('the signature') },

  'GET /admin/consent-topics': { summary: 'Consent topics per channel', success: json('the topics') },
  'PUT /admin/consent-topics': { summary: 'Replaces the consent topics', body: topicsBody, success: json('the saved topics') },
  'GET /admin/team-limits': { summary: 'Teams: their Entra ID groups and whom they may not target', success: json('the team table', 200, answers.teamTableSchema) },
  'PUT /admin/team-limits': { summary: 'Replaces the team table', body: teamLimitsBody, success: json('the saved table') },
  'GET /admin/keywords': { summary: 'SMS keyword assignments in a period', query: periodQuery, success: json('the assignments') },
  'GET /admin/keywords/table': { summary: 'The SMS keyword table', success: json('the table') },
  'PUT /admin/keywords/table': { summary: 'Replaces the SMS keyword table', body: keywordTableBody, success: json('the saved table') },
  'POST /admin/keywords': { summary: 'Adds one SMS keyword assignment', body: assignment, success: json('the saved table', 201), errors: [409] },
  'GET /admin/keywords/resolve': { summary: 'Which campaign an SMS keyword meant at an instant', query: resolveQuery, success: json('the assignment') },
  'GET /admin/drupal-forms': { summary: 'What each Drupal webform does', success: json('the form table') },
  'PUT /admin/drupal-forms': { summary: 'Replaces the Drupal form table', body: formsBody, success: json('the saved table') },
  'POST /admin/imports/signatures': { summary: 'Imports a CSV of signatures (Playable), all or nothing', query: importQuery, body: 'csv', success: json('queued rows', 202), errors: [413, 415] },
  'POST /admin/segments/filter': { summary: "Which of these people the caller's team may reach on a channel, and why not the others", body: filterBody, success: json('who is kept and why the others are not', 200, answers.segmentFilterSchema) },
  'GET /admin/tax-report/:year/rules': { summary: "An income year's tax-report rules ([Skatteindberetning])", success: json('the rules') },
  'PUT /admin/tax-report/:year/rules': { summary: "Finance enters an income year's limits, least reported totals, § 12 campaign codes, membership fee and excluded codes ([Skatteindberetning])", body: taxYearRulesBody, success: json('the saved rules') },
  'POST /admin/tax-report/:year/runs': { summary: "Computes every giver's totals for the income year, as a job; a year not begun or without rules is 400 ([Skatteindberetning])", success: json('the job run', 202) },
  'GET /admin/tax-report/:year/statements/:personId': { summary: "A giver's totals for the year: gifts (§ 8 A) and ongoing payments (§ 12) apart, given, deductible and reported ([Skatteindberetning])", success: json('the statement') },
  'GET /admin/tax-report/reporter': { summary: "MS's CVR and SE numbers, which every delivery to SKAT carries ([Skatteindberetning])", success: json('the numbers') },
  'PUT /admin/tax-report/reporter': { summary: "Finance enters MS's CVR and SE numbers (8 digits each) ([Skatteindberetning])", body: taxReporterBody, success: json('the saved numbers') },
  'POST /admin/tax-report/:year/deliveries': { summary: 'The January delivery for an income year that has ended: the next delivery number, the year computed again and every giver reported or corrected marked, as a job; 409 while another is collected ([Skatteindberetning])', success: json('the delivery, collecting', 202) },
  'GET /admin/tax-report/deliveries': { summary: 'The deliveries to SKAT, newest first ([Skatteindberetning])', success: json('the deliveries') },
  'GET /admin/tax-report/deliveries/:number': { summary: 'One delivery: year, CVR/SE, status and counts ([Skatteindberetning])', success: json('the delivery') },
  'GET /admin/tax-report/deliveries/:number/file': { summary: "A ready delivery's givers with CPR numbers and amounts, as a list for finance to check and key into SKAT (CSV; not SKAT's own file format); 409 while the delivery is collected ([Skatteindberetning])", success: { status: 200, description: 'the file', csv: true } },
  'GET /admin/persons/:id/tax-report-markers': { summary: 'What was reported to SKAT for the person, per year and delivery, newest first ([Skatteindberetning])', success: json('the markers') },
  'GET /admin/telemarketing/campaigns': { summary: 'The call campaigns ([Leadflow])', success: json('the campaigns') },
  'GET /admin/telemarketing/campaigns/:id': { summary: 'One call campaign', success: json('the campaign', 200, answers.callCampaignSchema) },
  'PUT /admin/telemarketing/campaigns/:id': { summary: 'Sets up or changes a call campaign: petitions, priority, re-contact window, nightly file columns ([Leadflow])', body: callCampaignBody, success: json('the saved campaign', 200, answers.callCampaignSchema) },
  'GET /admin/telemarketing/files': { summary: 'The latest lead files, nightly and manual, with their state and counts ([Leadflow][Dialer2])', query: filesQuery, success: json('the files') },
  'GET /admin/telemarketing/files/:id': { summary: 'One lead file: its leads, who was left out by reason, delivery attempts', success: json('the file', 200, answers.leadFileSchema) },
  'GET /admin/telemarketing/files/:id/content': { summary: 'The file as the vendor gets it (CSV: semicolons, UTF-8 with BOM, CRLF)', success: { status: 200, description: 'the file', csv: true } },
  'POST /admin/telemarketing/extracts': { summary: 'A manual extract of a call campaign for another TM vendor; its leads are left out of the nightly transfer ([Dialer2])', body: extractBody, success: json('the extract and where to download it', 201, answers.extractSchema) },
  'POST /admin/telemarketing/transfers': { summary: 'Transfers a segment to a call campaign in the dialer (HeroBase), as a job ([Dialer1])', body: transferBody, success: json('the job run', 202) },
  'POST /admin/telemarketing/leads': { summary: 'Hands one person to a dialer campaign, e.g. from an automation flow; 409 naming why when the TM rules keep them out ([Dialer2])', body: singleLeadBody, success: json('the lead', 201), errors: [409] },
  'POST /admin/telemarketing/leads/:id/close': { summary: 'Closes a lead at once, in the dialer too ([Dialer3])', success: json('the closed lead') },
  'GET /admin/telemarketing/leads': { summary: 'The leads about an OF agreement, or whose call changed it in the Onboarding App: call campaign and fundraiser ([OnlineFundraising6])', query: leadsQuery, success: json('the leads') },
  'POST /admin/persons/:id/telemarketing-leads/close': { summary: "Closes all the person's open leads at once, in the dialer too; no-more-calls also withdraws phone consent ([Dialer3])", body: closeAllBody, success: json('the leads closed') },
  'GET /admin/member-service/tasks': { summary: "Member service's tasks from the dialer vendor, linked to the person or not ([Dialer4])", query: tasksQuery, success: json('the tasks') },
  'GET /admin/persons/:id/telemarketing-leads': { summary: "The person's leads handed to telemarketing, newest first ([Leadflow])", success: json('the leads') },
  'GET /admin/segment-definitions': { summary: 'The named segment definitions ([CampaignAutomation1])', success: json('the definitions') },
  'POST /admin/segment-definitions': { summary: 'Names and keeps a segment definition ([CampaignAutomation1])', body: definitionBody, success: json('the saved definition', 201, answers.segmentDefinitionSchema) },
  'GET /admin/segment-definitions/:id': { summary: 'One segment definition', success: json('the definition', 200, answers.segmentDefinitionSchema) },
  'PUT /admin/segment-definitions/:id': { summary: 'Changes a segment definition', body: definitionBody, success: json('the saved definition', 200, answers.segmentDefinitionSchema) },
  'POST /admin/segment-definitions/:id/count': { summary: 'How many people the segment holds for a channel, and how many the one filter leaves out, by reason', body: countBody, success: json('counts', 200, answers.segmentCountSchema), errors: [403] },
  'GET /admin/message-templates': { summary: 'The mail and SMS templates ([OnlineFundraising7])', success: json('the templates') },
  'POST /admin/message-templates': { summary: 'Sets up a template; an unknown placeholder is refused', body: templateBody, success: json('the saved template', 201, answers.messageTemplateSchema) },
  'GET /admin/message-templates/:id': { summary: 'One template', success: json('the template', 200, answers.messageTemplateSchema) },
  'PUT /admin/message-templates/:id': { summary: 'Changes a template (sends that started keep their copy)', body: templateBody, success: json('the saved template', 200, answers.messageTemplateSchema) },
  'POST /admin/message-templates/:id/preview': { summary: 'The template as one person would get it', body: previewBody, success: json('the rendered message') },
  'POST /admin/message-templates/:id/test': { summary: 'Sends the template to a staff phone (1 kr when it asks an amount) or inbox', body: testBody, success: json('the provider\'s id of the test', 202) },
  'GET /admin/sends': { summary: 'The latest sends ([CampaignAutomation10])', success: json('the sends') },
  'POST /admin/sends': { summary: 'A send of a template to a person, a segment, or (the December tax mails) those with something reported for an income year, now or at a time; planned by a job', body: sendBody, success: json('the send, being planned', 202, answers.sendSchema), errors: [403] },
  'GET /admin/sends/:id': { summary: 'A send and how far it got', success: json('the send and its message counts', 200, answers.sendProgressSchema) },
  'POST /admin/sends/:id/pause': { summary: 'Pauses a send', success: json('the send', 200, answers.sendSchema), errors: [409] },
  'POST /admin/sends/:id/resume': { summary: 'Resumes a paused send', success: json('the send', 200, answers.sendSchema), errors: [409] },
  'POST /admin/sends/:id/cancel': { summary: 'Cancels a send; what is not sent is never sent', success: json('the send', 200, answers.sendSchema), errors: [409] },
  'GET /admin/sending/settings': { summary: 'Rates, caps, SMS quiet hours and mail senders ([CampaignAutomation10])', success: json('the settings in force') },
  'PUT /admin/sending/settings': { summary: 'Replaces the sending settings', body: sendingSettingsBody, success: json('the saved settings') },
  'GET /admin/persons/:id/messages': { summary: 'Every message to the person and what became of it ([OnlineFundraising7])', success: json('the messages with their events and outcome') },
  'GET /admin/segments/:group': { summary: 'A daily group (reactivation, winback) as JSON or CSV', query: segmentQuery, success: { status: 200, description: 'a page of members', csv: true } },
  'GET /admin/dunning-settings': { summary: 'Settings of the daily groups', success: json('the settings') },
  'PUT /admin/dunning-settings': { summary: 'Replaces the settings of the daily groups', body: dunningSettingsBody, success: json('the saved settings') },
  'POST /admin/delivery-outcomes': { summary: 'Reports delivered and failed mails or SMS of a send', body: outcomesBody, success: json('the send statistics') },
  'GET /admin/delivery-alert-settings': { summary: 'When a send with many failures alerts staff', success: json('the settings') },
  'PUT /admin/delivery-alert-settings': { summary: 'Replaces the delivery alert settings', body: alertSettingsBody, success: json('the saved settings') },

  'GET /admin/datasets': { summary: 'Where Power BI reads the datasets', success: json('the container URL and datasets') },
  'PUT /admin/postcode-municipalities': { summary: 'Uploads the postcode → municipality table (CSV)', body: 'csv', success: json('the saved table'), errors: [413, 415] },
  'GET /admin/jobs': { summary: 'Runs of the scheduled jobs, newest first', query: jobQuery, success: json('the runs') },
  'GET /admin/jobs/runs/:id': { summary: 'One job run with its progress', success: json('the run', 200, answers.jobRunSchema) },
  'POST /admin/jobs/:name/run': { summary: 'Runs a job now (signed by the caller)', success: json('the queued run', 202, answers.jobRunSchema) },

  'GET /admin/campaigns': { summary: 'The campaign catalogue', success: json('the campaigns') },
  'GET /admin/campaigns/:code': { summary: 'One campaign and its posting dimensions', success: json('the campaign') },
  'PUT /admin/campaigns/:code': { summary: 'Saves a campaign', body: campaignBody, success: json('the saved campaign') },
  'GET /admin/bookkeeping/chart': { summary: 'Chart of accounts used for posting', success: json('the chart') },
  'PUT /admin/bookkeeping/chart': { summary: 'Replaces the chart of accounts', body: chartBody, success: json('the saved chart') },
  'POST /admin/imports/payments': { summary: 'Imports a CSV of payments (bank, MobilePay), all or nothing', query: paymentQuery, body: 'csv', success: json('the import outcome'), errors: [413, 415] },
  'POST /admin/imports/campaigns': { summary: 'Imports a CSV of campaigns, all or nothing', body: 'csv', success: json('the import outcome'), errors: [413, 415] },
  'POST /admin/posting-runs': { summary: 'Starts a posting run to Business Central for a date range', body: runBody, success: json('the run (202 started, 200 already there)', 202), errors: [409] },
  'POST /admin/posting-runs/:id/review': { summary: "Finance answers a run's question about a line", body: reviewAnswerBody, success: json('the run', 202), errors: [409] },
  'GET /admin/posting-runs': { summary: 'Posting runs', success: json('the runs') },
  'GET /admin/posting-runs/:id': { summary: 'One posting run', success: json('the run') },
  'GET /admin/posting-runs/:id/lines': { summary: "A run's journal lines, JSON or CSV", query: linesQuery, success: { status: 200, description: 'the lines', csv: true } },
  'GET /admin/payments/:id': { summary: 'One payment in the ledger', success: json('the payment') },
  'POST /admin/payments/:id/refund': { summary: 'Refunds a payment (a negative payment linked to it)', body: refundBody, success: json('the refund', 201), errors: [409] },
};
