import type { DrupalSubmission, DrupalSubmissions } from '../../domain/forms/DrupalSubmission.js';
import { type FetchWithRetryOptions, fetchWithRetry } from '../http/fetchWithRetry.js';
import { HttpError } from '../http/HttpError.js';
import type { RetryPolicy, Sleep } from '../http/retryPolicy.js';
import { formatIssues } from '../onlinefundraising/formatIssues.js';
import { basicAuthorization } from './basicAuthorization.js';
import { DrupalFormatError } from './DrupalFormatError.js';
import { submissionFromWire } from './submissionFromWire.js';
import { submissionWireSchema } from './submissionWireSchema.js';

export interface DrupalSubmissionReaderOptions {
  /** The Drupal site's root, e.g. "https://ms.dk"; webform_rest's paths hang off it. */
  baseUrl: string;
  /** A Drupal API user allowed to view the forms' submissions, signed in with HTTP Basic auth. */
  username: string;
  password: string;
  retryPolicy?: RetryPolicy;
  sleep?: Sleep;
  onRetry?: FetchWithRetryOptions['onRetry'];
}

const service = 'Drupal';

/**
 * Reads webform submissions with webform_rest's `GET /webform_rest/<form>/submission/<sid>?_format=json`.
 * Throttling (429 + Retry-After), 5xx and timeouts are retried by `fetchWithRetry`; whatever still
 * fails becomes an `HttpError`, a body that does not fit a `DrupalFormatError`.
 */
export class DrupalSubmissionReader implements DrupalSubmissions {
  private readonly baseUrl: string;

  constructor(private readonly options: DrupalSubmissionReaderOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async get(formId: string, submissionId: string): Promise<DrupalSubmission | null> {
    const response = await fetchWithRetry(this.submissionUrl(formId, submissionId), {
      method: 'GET',
      headers: { authorization: basicAuthorization(this.options.username, this.options.password), accept: 'application/json' },
    }, retryOptions(this.options));
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) throw await HttpError.fromResponse(service, response);
    const submission = submissionFromWire(parseSubmission(await jsonBody(response)));
    if (submission.formId !== formId || submission.submissionId !== submissionId) {
      throw new DrupalFormatError('submission', `asked for ${formId}/${submissionId}, answered ${submission.formId}/${submission.submissionId}`);
    }
    return submission;
  }

  private submissionUrl(formId: string, submissionId: string): string {
    return `${this.baseUrl}/webform_rest/${encodeURIComponent(formId)}/submission/${encodeURIComponent(submissionId)}?_format=json`;
  }
}

async function jsonBody(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    throw new DrupalFormatError('submission', `the body is not JSON (content-type ${response.headers.get('content-type') ?? 'none'})`);
  }
}

function parseSubmission(body: unknown) {
  const parsed = submissionWireSchema.safeParse(body);
  if (!parsed.success) throw new DrupalFormatError('submission', formatIssues(parsed.error.issues));
  return parsed.data;
}

function retryOptions(options: DrupalSubmissionReaderOptions): FetchWithRetryOptions {
  return {
    ...(options.retryPolicy && { policy: options.retryPolicy }),
    ...(options.sleep && { sleep: options.sleep }),
    ...(options.onRetry && { onRetry: options.onRetry }),
  };
}
