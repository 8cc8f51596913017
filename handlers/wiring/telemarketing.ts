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
import type { TelemarketingSftpConfig } from '../config.js';
import { telemarketingFilesFunction } from '../timer/telemarketingFilesFunction.js';

export type TelemarketingWiring = ReturnType<typeof wireTelemarketing>;

/** [Leadflow][Dialer2] Call campaigns, the leads handed to TM, and the nightly files to the vendor over SFTP. */
export function wireTelemarketing(parts: {
  database: Database;
  sftp: TelemarketingSftpConfig;
  segmentSources: Pick<SegmentSources, 'petitionExists'>;
  ports: { persons: PersonRepository; consentLog: ConsentLog; stopList: StopList; teamLimits: TeamLimitStore; ids: Ids; clock: Clock; logger: Logger };
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
    segmentSources: parts.segmentSources,
  };
  return {
    ports: all,
    job: nightlyLeadFilesJob(all),
    timerFunctions: (jobPorts: StartJobPorts) => [telemarketingFilesFunction(jobPorts)],
  };
}
