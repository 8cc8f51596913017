/** A call to another system answered with a status the caller cannot use. */
export class HttpError extends Error {
  constructor(
    readonly service: string,
    readonly status: number,
    readonly detail: string,
  ) {
    super(`${service} answered ${status}: ${detail}`);
    this.name = 'HttpError';
  }

  static async fromResponse(service: string, response: Response): Promise<HttpError> {
    const body = await response.text().catch(() => '');
    return new HttpError(service, response.status, body.slice(0, 500));
  }
}
