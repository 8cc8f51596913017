import type { Versioned } from '../person/ports.js';
import type { Clock } from '../shared/Clock.js';
import type { CallCampaign } from './CallCampaign.js';
import type { LeadFile } from './LeadFile.js';
import { type LeadFileContentPorts, leadFileContent } from './leadFileContent.js';
import type { LeadFileDrop, LeadFiles } from './ports.js';

export interface DeliverLeadFilePorts extends LeadFileContentPorts {
  files: LeadFiles;
  drop: LeadFileDrop;
  clock: Clock;
}

/**
 * [Leadflow] Uploads a prepared file to the vendor and records it delivered. A failed upload is
 * recorded on the file (attempts, the error) and thrown, so the file stays prepared and the next
 * attempt delivers it; the drop never leaves a half file under the real name.
 */
export async function deliverLeadFile(stored: Versioned<LeadFile>, campaign: CallCampaign, ports: DeliverLeadFilePorts): Promise<LeadFile> {
  const file = stored.value;
  if (file.status !== 'prepared') return file;
  try {
    const { content } = await leadFileContent(file, campaign, ports);
    await ports.drop.deliver(file.name, content);
  } catch (error) {
    const lastError = error instanceof Error ? error.message : String(error);
    await record(stored, { ...file, attempts: file.attempts + 1, lastError }, ports);
    throw error;
  }
  const { lastError: _cleared, ...delivered } = file;
  return record(stored, { ...delivered, status: 'delivered', deliveredAt: ports.clock.now().toISOString(), attempts: file.attempts + 1 }, ports);
}

/** Only this file's delivery writes it, so a stale ETag means a repeat of the same delivery: the newest read wins. */
async function record(stored: Versioned<LeadFile>, next: LeadFile, ports: Pick<DeliverLeadFilePorts, 'files'>): Promise<LeadFile> {
  if ((await ports.files.save(next, stored.etag)) === 'saved') return next;
  const current = await ports.files.get(next.id);
  if (current && current.value.status === 'prepared') await ports.files.save(next, current.etag);
  return next;
}
