import type { Database } from '@azure/cosmos';
import { CosmosPersonalRecords } from '../../adapters/cosmos/CosmosPersonalRecords.js';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import type { DataverseClient } from '../../adapters/dataverse/DataverseClient.js';
import { DataverseCrmAnonymisation } from '../../adapters/dataverse/DataverseCrmAnonymisation.js';
import type { OnlineFundraisingApiClient } from '../../adapters/onlinefundraising/OnlineFundraisingApiClient.js';
import { OnlineFundraisingContactAnonymiser } from '../../adapters/onlinefundraising/OnlineFundraisingContactAnonymiser.js';
import type { StorageQueues } from '../../adapters/queue/StorageQueues.js';
import type { ContinueAnonymisationPorts } from '../../domain/anonymisation/continueAnonymisation.js';
import type { StartAnonymisationPorts } from '../../domain/anonymisation/startAnonymisation.js';
import { CosmosVersionedStore } from '../../adapters/cosmos/CosmosVersionedStore.js';
import type { AnonymisationSegment } from '../../domain/anonymisation/AnonymisationSegment.js';
import { anonymiseSegmentJob } from '../../domain/anonymisation/anonymiseSegmentJob.js';
import type { ConfirmSegmentPorts } from '../../domain/anonymisation/confirmSegment.js';
import { CosmosEngagementSources } from '../../adapters/cosmos/CosmosEngagementSources.js';
import type { Job } from '../../domain/jobs/JobRun.js';
import type { StartJobPorts } from '../../domain/jobs/startJobRun.js';
import { CosmosAnonymisationCandidates } from '../../adapters/cosmos/CosmosAnonymisationCandidates.js';
import type { AnonymisationRules } from '../../domain/anonymisation/AnonymisationRules.js';
import { type AnonymisationSchedulePorts, anonymisationScheduleJob } from '../../domain/anonymisation/anonymisationScheduleJob.js';
import type { AnonymisationScheduleRouteDeps } from '../http/anonymisationScheduleRoutes.js';
import { anonymisationsFunction } from '../queue/anonymisationsFunction.js';
import { poisonQueueFunction } from '../queue/poisonQueueFunction.js';
import type { QueueFunction } from '../queue/QueueFunction.js';
import { queueNames } from '../queue/queueNames.js';
import type { FailureTrackingDeps } from '../queue/withFailureTracking.js';

export interface AnonymisationWiring {
  /** What the member-service route needs. */
  start: StartAnonymisationPorts;
  /** What the segment routes need besides the job ports. */
  segments: Omit<ConfirmSegmentPorts, keyof StartJobPorts>;
  segmentJob: Job;
  scheduleJob: Job;
  /** What the schedule routes need. */
  schedule: AnonymisationScheduleRouteDeps;
  queueFunctions: QueueFunction[];
}

type SharedPorts = Omit<StartAnonymisationPorts, 'anonymisationQueue'> &
  Pick<ContinueAnonymisationPorts, 'identityIndex' | 'mirror' | 'logger'> &
  Pick<AnonymisationSchedulePorts, 'agreementStates'> &
  Pick<ContinueAnonymisationPorts, 'leads' | 'dialer'> &
  FailureTrackingDeps;

/** [GDPR1][OnlineFundraising5] Anonymising persons: the Cosmos erasure, OF's and the CRM's anonymisation, the queue that finishes each one. */
export function wireAnonymisation(parts: { database: Database; queues: StorageQueues; onlineFundraisingApi: OnlineFundraisingApiClient; dataverse: DataverseClient; ports: SharedPorts }): AnonymisationWiring {
  const { database, queues, ports } = parts;
  const container = (name: keyof typeof cosmosContainers) => database.container(cosmosContainers[name].id);
  const personalRecords = new CosmosPersonalRecords({
    consentLog: container('consentLog'),
    formSubmissions: container('formSubmissions'),
    marketingLists: container('marketingLists'),
    segmentMembers: container('segmentMembers'),
    duplicateReviews: container('duplicateReviews'),
    automationTriggers: container('automationTriggers'),
    payments: container('payments'),
    memberServiceTasks: container('memberServiceTasks'),
  });
  const continuePorts: ContinueAnonymisationPorts = {
    ...ports,
    personalRecords,
    onlineFundraisingAnonymisation: new OnlineFundraisingContactAnonymiser(parts.onlineFundraisingApi),
    crmAnonymisation: new DataverseCrmAnonymisation(parts.dataverse, ports.clock),
  };
  const start = { ...ports, anonymisationQueue: queues.workQueue(queueNames.anonymisations) };
  const segments = new CosmosVersionedStore<AnonymisationSegment>(container('engineState'));
  const engagementSources = new CosmosEngagementSources({
    payments: container('payments'),
    signatures: container('signatures'),
    formSubmissions: container('formSubmissions'),
    consentLog: container('consentLog'),
    mirror: container('mirror'),
  });
  const candidates = new CosmosAnonymisationCandidates(container('anonymisationCandidates'));
  const anonymisationRules = new CosmosVersionedStore<AnonymisationRules>(container('engineState'));
  return {
    start,
    scheduleJob: anonymisationScheduleJob({ ...start, candidates, anonymisationRules, engagementSources }),
    schedule: { persons: ports.persons, candidates, anonymisationRules, clock: ports.clock },
    segments: {
      ...ports,
      segments,
      engagementSources,
    },
    segmentJob: anonymiseSegmentJob({ ...start, segments }),
    queueFunctions: [anonymisationsFunction({ ...continuePorts, ...ports }), poisonQueueFunction(queueNames.anonymisations, ports)],
  };
}
