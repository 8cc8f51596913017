/**
 * [Dialer4] A task for member service, made by member service at the dialer vendor: linked to the
 * person when the engine knows who it is about (the call's lead), unlinked otherwise (member service
 * finds the person from the contact details given).
 */
export interface MemberServiceTask {
  /** From the dialer's task id, so a notification twice makes one task. */
  id: string;
  source: 'dialer';
  dialerTaskId: string;
  subject: string;
  description: string;
  personId?: string;
  /** The lead of the call the task came from. */
  leadId?: string;
  /** Who it is about, as the vendor wrote it down. */
  contact: { name?: string; phone?: string; email?: string };
  createdBy: string;
  /** When the vendor made it, and when the engine took it (UTC). */
  createdAt: string;
  recordedAt: string;
  status: 'open' | 'done';
}
