import { Hono } from 'hono';
import type { DeadLetterStore, MessageQueue } from '../../domain/deadletters/ports.js';
import type { DuplicateReviewStore, IdentityReindexStore, MatchRuleStore, NotDuplicateRegister } from '../../domain/identity/ports.js';
import type { FieldMappingStore } from '../../domain/mapping/ports.js';
import type { WorkQueue } from '../../domain/messaging/WorkItem.js';
import type { Ids } from '../../domain/shared/Ids.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Logger } from '../../domain/shared/Logger.js';
import { adminAuth } from './adminAuth.js';
import { type DataverseWebhookDeps, dataverseWebhook } from './dataverseWebhook.js';
import { deadLetterRoutes } from './deadLetterRoutes.js';
import { personRoutes } from './personRoutes.js';
import { contactListRoutes, invalidContactRoute } from './contactFlagRoutes.js';
import type { FlagPorts } from '../../domain/person/flagInvalidContact.js';
import type { DeliveryPorts } from '../../domain/delivery/recordDeliveryOutcomes.js';
import { deliveryRoutes } from './deliveryRoutes.js';
import { duplicateReviewRoutes } from './duplicateReviewRoutes.js';
import { fieldMappingRoutes } from './fieldMappingRoutes.js';
import { matchRuleRoutes } from './matchRuleRoutes.js';
import { type ConsentRouteDeps, consentRoutes } from './consentRoutes.js';
import { type StopListRouteDeps, stopListRoutes } from './stopListRoutes.js';
import { segmentRoutes } from './segmentRoutes.js';
import { type KeywordRouteDeps, keywordRoutes } from './keywordRoutes.js';
import { mapErrors } from './mapErrors.js';
import { type WebhookDeps, onlineFundraisingWebhook } from './onlineFundraisingWebhook.js';
import { problem } from './problem.js';

export interface HttpAppDeps {
  onlineFundraisingWebhook: WebhookDeps;
  dataverseWebhook: DataverseWebhookDeps;
  deadLetters: DeadLetterStore;
  fieldMappings: FieldMappingStore;
  matchRules: MatchRuleStore;
  reindexState: IdentityReindexStore;
  consent: ConsentRouteDeps;
  stopList: StopListRouteDeps;
  keywords: KeywordRouteDeps;
  contactFlags: FlagPorts;
  delivery: DeliveryPorts;
  duplicateReviews: { reviews: DuplicateReviewStore; notDuplicates: NotDuplicateRegister; onlineFundraisingInbox: WorkQueue; ids: Ids };
  queue: MessageQueue;
  adminApiKey: string;
  clock: Clock;
  logger: Logger;
}

/** Every HTTP route of the engine. The Azure HTTP function and the local host both serve this app. */
export function createHttpApp(deps: HttpAppDeps): Hono {
  const app = new Hono();
  app.onError(mapErrors(deps.logger));
  app.notFound((c) => problem(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`));
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.post('/webhooks/onlinefundraising', onlineFundraisingWebhook(deps.onlineFundraisingWebhook));
  app.post('/webhooks/dataverse', dataverseWebhook(deps.dataverseWebhook));
  app.use('/admin/*', adminAuth(deps.adminApiKey, deps.logger));
  app.route('/admin/dead-letters', deadLetterRoutes(deps));
  app.route('/admin/field-mappings', fieldMappingRoutes(deps));
  app.route('/admin/match-rules', matchRuleRoutes(deps));
  app.route('/admin/persons', personRoutes(deps.dataverseWebhook));
  app.route('/admin/persons', invalidContactRoute(deps.contactFlags));
  app.route('/admin/contacts', contactListRoutes(deps.contactFlags));
  app.route('/admin', deliveryRoutes(deps.delivery));
  app.route('/admin/duplicate-reviews', duplicateReviewRoutes({ ...deps, ...deps.duplicateReviews }));
  app.route('/admin', consentRoutes(deps.consent));
  app.route('/admin/stop-list', stopListRoutes(deps.stopList));
  app.route('/admin/keywords', keywordRoutes(deps.keywords));
  app.route('/admin/segments', segmentRoutes({ ...deps.consent, stopList: deps.stopList.stopList }));
  return app;
}
