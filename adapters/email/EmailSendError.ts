/** ACS accepted a message but its send operation did not succeed: it ended `Failed` or `Canceled`. */
export class EmailSendError extends Error {
  override readonly name = 'EmailSendError';

  constructor(
    /** The send operation's id (the message id had it succeeded). */
    readonly operationId: string,
    /** The operation's final status as ACS reported it. */
    readonly status: string,
    /** ACS's error code, e.g. "EmailDropped", when it gave one. */
    readonly code: string | undefined,
    /** ACS's error message, when it gave one. */
    readonly reason: string | undefined,
  ) {
    super(`Azure Communication Services did not send the email (operation ${operationId}): ${[status, code, reason].filter(Boolean).join(', ')}`);
  }
}
