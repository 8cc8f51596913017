import type { Database } from '@azure/cosmos';
import { leadFileCsv } from '../../adapters/csv/LeadFileCsv.js';
import { CosmosLeadFiles } from '../../adapters/cosmos/CosmosLeadFiles.js';
import { CosmosLeadSources } from '../../adapters/cosmos/CosmosLeadSources.js';
import { CosmosListedStore } from '../../adapters/cosmos/CosmosListedStore.js';
import { CosmosTelemarketingLeads } from '../../adapters/cosmos/CosmosTelemarketingLeads.js';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import { SftpFileDrop } from '../../adapters/sftp/SftpFileDrop.js';
import type { ConsentLog, TeamLimitStore } from '../../domain/consent/ports.js';
import type { StartJobPorts } from '../../domain/jobs/startJobRun.js';
import type { PersonRepository } from '../../domain/person/ports.js';
import type { SegmentSources } from '../../domain/segments/ports.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Ids } from '../../domain/shared/Ids.js';
import type { Logger } from '../../domain/shared/Logger.js';
import type { StopList } from '../../domain/stoplist/ports.js';
import type { CallCampaign } from '../../domain/telemarketing/CallCampaign.js';
import { nightlyLeadFilesJob } from '../../domain/telemarketing/nightlyLeadFilesJob.js';
import { dialerTransferJob } from '../../domain/telemarketing/dialerTransferJob.js';
import { HeroBaseDialer } from '../../adapters/herobase/HeroBaseDialer.js';
import { CosmosMemberServiceTasks } from '../../adapters/cosmos/CosmosMemberServiceTasks.js';
import type { RetryPolicy, Sleep } from '../../adapters/http/retryPolicy.js';
import type { ConsentTopicStore } from '../../domain/consent/ports.js';
import type { AgreementStates } from '../../domain/dunning/ports.js';
import type { CrmPersons, OnlineFundraisingContacts } from '../../domain/person/ports.js';
import type { EvaluationPorts } from '../../domain/segments/evaluateSegment.js';
import type { SegmentDefinitions } from '../../domain/segments/ports.js';
import type { EngineConfig, TelemarketingSftpConfig } from '../config.js';
import { telemarketingFilesFunction } from '../timer/telemarketingFilesFunction.js';
import { dialerTransfersFunction } from '../timer/dialerTransfersFunction.js';

export type TelemarketingWiring = ReturnType<typeof wireTelemarketing>;

/**
 * [Leadflow][Dialer1]–[Dialer5] Call campaigns, the leads handed to TM, the nightly files to the vendor
 * over SFTP, and the dialer (HeroBase): transfers, single leads, closing, outcomes and tasks.
 */
export function wireTelemarketing(parts: {
  database: Database;
  sftp: TelemarketingSftpConfig;
  heroBase: EngineConfig['heroBase'];
  retry: { retryPolicy?: RetryPolicy; sleep?: Sleep };
  segments: EvaluationPorts & { segmentSources: Pick<SegmentSources, 'petitionExists'>; segmentDefinitions: Pick<SegmentDefinitions, 'get'> };
  ports: {
    persons: PersonRepository;
    consentLog: ConsentLog;
    consentTopics: ConsentTopicStore;
    stopList: StopList;
    teamLimits: TeamLimitStore;
    agreementStates: AgreementStates;
    crm: CrmPersons;
    onlineFundraising: OnlineFundraisingContacts;
    ids: Ids;
    clock: Clock;
    logger: Logger;
  };
}) {
  const container = (name: keyof typeof cosmosContainers) => parts.database.container(cosmosContainers[name].id);
  const all = {
    ...parts.ports,
    campaigns: new CosmosListedStore<CallCampaign>(container('callCampaigns')),
    leads: new CosmosTelemarketingLeads(container('telemarketingLeads')),
    files: new CosmosLeadFiles(container('leadFiles')),
    sources: new CosmosLeadSources(container('signatures')),
    format: leadFileCsv,
    drop: new SftpFileDrop(parts.sftp),
    dialer: new HeroBaseDialer({ baseUrl: parts.heroBase.apiUrl, apiKey: parts.heroBase.apiKey, ...parts.retry }),
    tasks: new CosmosMemberServiceTasks(container('memberServiceTasks')),
    ...parts.segments,
  };
  return {
    ports: all,
    jobs: [nightlyLeadFilesJob(all), dialerTransferJob(all)],
    timerFunctions: (jobPorts: StartJobPorts) => [telemarketingFilesFunction(jobPorts), dialerTransfersFunction({ ...jobPorts, campaigns: all.campaigns })],
  };
}
