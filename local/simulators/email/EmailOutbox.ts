import type { EmailRequest } from './emailRequestSchema.js';

/** The statuses the simulator gives an operation (ACS also knows NotStarted and Canceled). */
export type EmailSendStatus = 'Running' | 'Succeeded' | 'Failed';

export interface EmailSendError {
  code: string;
  message: string;
}

/** A message the simulator accepted, and where its send operation stands. */
export interface SentEmail {
  /** The send operation's id, which is also the message id the engine keeps. */
  operationId: string;
  sender: string;
  /** Addresses only; `recipients` has the display names. */
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  /** `content.plainText`. */
  text?: string;
  html?: string;
  status: EmailSendStatus;
  /** Why the operation failed; only when `status` is `Failed`. */
  error?: EmailSendError;
  /** Instant (UTC, ISO 8601) the message was accepted, by the simulator's clock. */
  acceptedAt: string;
  /** The request body as accepted (display names, headers, attachments, reply-to …). */
  request: EmailRequest;
}

interface Operation {
  email: SentEmail;
  /** Status reads still answered `Running`. */
  runningReadsLeft: number;
  /** How the operation ends. */
  outcome: { status: 'Succeeded' } | { status: 'Failed'; error: EmailSendError };
}

export interface Acceptance {
  operationId: string;
  request: EmailRequest;
  acceptedAt: string;
  /** Status reads answered `Running` before the operation ends. */
  runningReads: number;
  /** Undefined: the operation succeeds. */
  failure?: EmailSendError;
}

/** The accepted messages and their send operations, oldest first. */
export class EmailOutbox {
  private operations = new Map<string, Operation>();

  accept({ operationId, request, acceptedAt, runningReads, failure }: Acceptance): SentEmail {
    const email: SentEmail = { operationId, ...messageFields(request), status: 'Running', acceptedAt, request };
    this.operations.set(operationId, {
      email,
      runningReadsLeft: runningReads,
      outcome: failure ? { status: 'Failed', error: failure } : { status: 'Succeeded' },
    });
    return { ...email };
  }

  get(operationId: string): SentEmail | undefined {
    const operation = this.operations.get(operationId);
    return operation && { ...operation.email };
  }

  /** The operation as a status read sees it: each read while it runs brings it closer to its end. */
  readStatus(operationId: string): SentEmail | undefined {
    const operation = this.operations.get(operationId);
    if (!operation) return undefined;
    if (operation.email.status === 'Running') {
      if (operation.runningReadsLeft > 0) operation.runningReadsLeft--;
      else finish(operation);
    }
    return { ...operation.email };
  }

  all(): SentEmail[] {
    return [...this.operations.values()].map((operation) => ({ ...operation.email }));
  }

  clear(): void {
    this.operations.clear();
  }
}

function finish(operation: Operation): void {
  operation.email.status = operation.outcome.status;
  if (operation.outcome.status === 'Failed') operation.email.error = operation.outcome.error;
}

function messageFields(request: EmailRequest) {
  const addresses = (list: { address: string }[] | undefined) => (list ?? []).map((recipient) => recipient.address);
  return {
    sender: request.senderAddress,
    to: addresses(request.recipients.to),
    cc: addresses(request.recipients.cc),
    bcc: addresses(request.recipients.bcc),
    subject: request.content.subject,
    ...(request.content.plainText !== undefined && { text: request.content.plainText }),
    ...(request.content.html !== undefined && { html: request.content.html }),
  };
}
