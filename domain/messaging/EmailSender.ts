/** An email to send: plain text always, HTML optionally (mail clients show the HTML when there is one). */
export interface EmailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
}

/** Port: sends email (Azure Communication Services in Azure). Resolves the provider's message id once it accepted the message. */
export interface EmailSender {
  send(message: EmailMessage): Promise<{ messageId: string }>;
}
