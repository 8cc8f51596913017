import { z } from 'zod';

const emailAddressSchema = z.object({
  address: z.email({ error: 'must be an email address' }),
  displayName: z.string().optional(),
});

const attachmentSchema = z.object({
  name: z.string().min(1),
  contentType: z.string().min(1),
  contentInBase64: z.base64(),
  contentId: z.string().optional(),
});

/**
 * The body of `POST /emails:send` (ACS's EmailMessage, API version 2025-09-01). Required as in the
 * REST specification: `senderAddress`, `content.subject`, `recipients`; besides, the simulator
 * assumes ACS refuses a blank subject, a message without plain text and HTML, and a message
 * without any recipient in `to`, `cc` or `bcc`.
 */
export const emailRequestSchema = z.object({
  headers: z.record(z.string(), z.string()).optional(),
  senderAddress: z.email({ error: 'is required and must be an email address' }),
  content: z
    .object(
      {
        subject: z.string({ error: 'is required' }).refine((subject) => subject.trim() !== '', 'must not be blank'),
        plainText: z.string().optional(),
        html: z.string().optional(),
      },
      { error: 'is required' },
    )
    .refine((content) => content.plainText !== undefined || content.html !== undefined, 'needs plainText, html or both'),
  recipients: z
    .object(
      {
        to: z.array(emailAddressSchema).optional(),
        cc: z.array(emailAddressSchema).optional(),
        bcc: z.array(emailAddressSchema).optional(),
      },
      { error: 'is required' },
    )
    .refine((recipients) => [recipients.to, recipients.cc, recipients.bcc].some((list) => (list?.length ?? 0) > 0), 'needs at least one address in to, cc or bcc'),
  attachments: z.array(attachmentSchema).optional(),
  replyTo: z.array(emailAddressSchema).optional(),
  userEngagementTrackingDisabled: z.boolean().optional(),
});

export type EmailRequest = z.output<typeof emailRequestSchema>;

/** One line naming every problem, e.g. "senderAddress is required and must be an email address; content.subject must not be blank". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'the body'} ${issue.message}`).join('; ');
}
