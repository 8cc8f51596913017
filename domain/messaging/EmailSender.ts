/** An email to send: plain text always, HTML optionally (mail clients show the HTML when there is one). */
export interface EmailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** The From address; the engine's configured sender when left out. */
  from?: string;
  /** Extra headers, e.g. `List-Unsubscribe` on bulk mail. */
  headers?: Record<string, string>;
  /**
   * The engine's id of the message (a UUID): the provider takes the same reference once, so a retry
   * after a crash or timeout does not send it twice, and its delivery reports name it.
   */
  reference?: string;
}

/** Port: sends email (Azure Communication Services in Azure). Resolves the provider's message id once it accepted the message. */
export interface EmailSender {
  send(message: EmailMessage): Promise<{ messageId: string }>;
}
