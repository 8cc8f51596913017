import type { Database } from '@azure/cosmos';
import { CosmosListedStore } from '../../adapters/cosmos/CosmosListedStore.js';
import { CosmosOutboundMessages } from '../../adapters/cosmos/CosmosOutboundMessages.js';
import { CosmosSegmentSources } from '../../adapters/cosmos/CosmosSegmentSources.js';
import { CosmosSends } from '../../adapters/cosmos/CosmosSends.js';
import { CosmosVersionedStore } from '../../adapters/cosmos/CosmosVersionedStore.js';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import type { OnlineFundraisingApiClient } from '../../adapters/onlinefundraising/OnlineFundraisingApiClient.js';
import { OnlineFundraisingSmsGateway } from '../../adapters/onlinefundraising/OnlineFundraisingSmsGateway.js';
import { LiquidTemplateRenderer } from '../../adapters/text/LiquidTemplateRenderer.js';
import { JosePersonLinks } from '../../adapters/tokens/JosePersonLinks.js';
import type { PreferenceLinks } from '../../domain/consent/PreferenceLinks.js';
import type { JobRuns } from '../../domain/jobs/ports.js';
import type { EmailSender } from '../../domain/messaging/EmailSender.js';
import type { MessageTemplate } from '../../domain/sending/MessageTemplate.js';
import { planSendJob } from '../../domain/sending/planSendJob.js';
import type { SenderPorts } from '../../domain/sending/sendDueMessages.js';
import type { SendingSettings } from '../../domain/sending/SendingSettings.js';
import type { SegmentDefinition } from '../../domain/segments/SegmentDefinition.js';
import type { SegmentPorts } from '../../domain/segments/filterSegment.js';
import type { PersonRepository } from '../../domain/person/ports.js';
import type { CrmPersons } from '../../domain/person/ports.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Ids } from '../../domain/shared/Ids.js';
import type { Logger } from '../../domain/shared/Logger.js';
import type { Wait } from '../../domain/shared/Wait.js';
import type { TaxMailAudience } from '../../domain/sending/ports.js';
import type { EngineConfig } from '../config.js';
import { messageSenderFunction } from '../timer/messageSenderFunction.js';

export type SendingWiring = ReturnType<typeof wireSending>;

/** [OnlineFundraising7][CampaignAutomation10] Templates, segment definitions, sends and the sender, with OF for SMS and ACS for mail. */
export function wireSending(parts: {
  config: EngineConfig;
  database: Database;
  onlineFundraisingApi: OnlineFundraisingApiClient;
  email: EmailSender;
  preferenceLinks: PreferenceLinks;
  jobRuns: JobRuns;
  /** [Skatteindberetning] The December mails' audience and amounts. */
  taxMails: TaxMailAudience;
  ports: SegmentPorts & { persons: PersonRepository; crm: CrmPersons; ids: Ids; clock: Clock; logger: Logger; wait: Wait };
}) {
  const { database, ports } = parts;
  const container = (name: keyof typeof cosmosContainers) => database.container(cosmosContainers[name].id);
  const smsGateway = new OnlineFundraisingSmsGateway(parts.onlineFundraisingApi);
  const stores = {
    templates: new CosmosListedStore<MessageTemplate>(container('messageTemplates')),
    segmentDefinitions: new CosmosListedStore<SegmentDefinition>(container('segmentDefinitions')),
    sends: new CosmosSends(container('sends')),
    messages: new CosmosOutboundMessages(container('outboundMessages')),
    sendingSettings: new CosmosVersionedStore<SendingSettings>(container('engineState')),
    segmentSources: new CosmosSegmentSources(
      { persons: container('persons'), signatures: container('signatures'), payments: container('payments'), segmentMembers: container('segmentMembers'), consentLog: container('consentLog'), engineState: container('engineState'), telemarketingLeads: container('telemarketingLeads'), callCampaigns: container('callCampaigns') },
      parts.jobRuns,
    ),
  };
  const personalisation = {
    renderer: new LiquidTemplateRenderer(),
    landingLinks: new JosePersonLinks({ secret: parts.config.preferenceLinkSecret, clock: ports.clock, purpose: 'landing', validDays: 30 }),
    preferenceLinks: parts.preferenceLinks,
    linkShortener: smsGateway,
    links: parts.config.links,
  };
  const all = { ...ports, ...stores, ...personalisation, taxMails: parts.taxMails, smsGateway, email: parts.email, defaultMailSender: parts.config.email.senderAddress };
  const sender: SenderPorts = all;
  return {
    ports: all,
    planJob: planSendJob(all),
    timerFunctions: [messageSenderFunction(sender)],
  };
}
