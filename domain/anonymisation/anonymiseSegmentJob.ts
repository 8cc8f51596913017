import type { Job, JobContext } from '../jobs/JobRun.js';
import { NotFoundError } from '../shared/errors.js';
import { forEachConcurrently } from '../shared/forEachConcurrently.js';
import type { AnonymisationSegment, AnonymisationSegmentStore } from './AnonymisationSegment.js';
import { anonymiseSegmentJobName } from './confirmSegment.js';
import { AlreadyAnonymisedError, MergedPersonError } from './errors.js';
import { type StartAnonymisationPorts, startAnonymisation } from './startAnonymisation.js';

const chunkSize = 100;
const personsAtOnce = 8;

/**
 * [GDPR1] Works through a confirmed segment: starts each person's anonymisation (OF and the CRM
 * follow through the anonymisation queue), `chunkSize` at a time, saving how far it got after each
 * chunk. Run again after a crash, it resumes there; a person anonymised meanwhile is skipped.
 */
export function anonymiseSegmentJob(ports: StartAnonymisationPorts & { segments: AnonymisationSegmentStore }): Job {
  return {
    name: anonymiseSegmentJobName,
    description: 'Anonymises a confirmed segment (started by POST /admin/anonymisation/segments)',
    async run(context) {
      const segmentId = context.run.parameters?.['segmentId'];
      if (!segmentId) throw new NotFoundError('this job runs a confirmed segment: start it with POST /admin/anonymisation/segments');
      let segment = await segmentOf(segmentId, ports);
      while (segment.done < segment.personIds.length) segment = await anonymiseChunk(segment, context, ports);
      return { persons: segment.personIds.length, anonymised: segment.personIds.length - segment.skipped, skipped: segment.skipped };
    },
  };
}

async function anonymiseChunk(segment: AnonymisationSegment, context: JobContext, ports: StartAnonymisationPorts & { segments: AnonymisationSegmentStore }): Promise<AnonymisationSegment> {
  const chunk = segment.personIds.slice(segment.done, segment.done + chunkSize);
  let skipped = 0;
  const request = { reason: segment.reason, ...(segment.note && { note: segment.note }), requestedOn: segment.requestedOn, stopList: 'leave' as const };
  await forEachConcurrently(chunk, personsAtOnce, async (personId) => {
    try {
      await startAnonymisation(personId, request, { actor: segment.requestedBy, runId: context.run.id }, ports);
    } catch (error) {
      if (!(error instanceof AlreadyAnonymisedError || error instanceof MergedPersonError || error instanceof NotFoundError)) throw error;
      skipped++;
    }
  });
  const advanced = { ...segment, done: segment.done + chunk.length, skipped: segment.skipped + skipped };
  const stored = await ports.segments.get(segment.id);
  // Only this run writes the segment, so the version read now is the one to replace.
  await ports.segments.save(advanced, stored?.etag);
  await context.progress(advanced.done, 'persons', advanced.personIds.length);
  return advanced;
}

async function segmentOf(segmentId: string, ports: { segments: AnonymisationSegmentStore }): Promise<AnonymisationSegment> {
  const stored = await ports.segments.get(segmentId);
  if (!stored) throw new NotFoundError(`no anonymisation segment ${segmentId}`);
  return stored.value;
}
