/** One request inside a `$batch`: an upsert of the row at `url` (absolute). */
export interface BatchUpsert {
  url: string;
  columns: Record<string, unknown>;
}

/**
 * The multipart/mixed body of a `$batch` (OData 4.0 §11.7, as Dataverse takes it) in which every
 * upsert is a request of its own, outside any change set, with `Content-ID` 1, 2, … in order.
 */
export function upsertBatchBody(boundary: string, upserts: BatchUpsert[]): string {
  const parts = upserts.map((upsert, index) =>
    [
      `--${boundary}`,
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      `Content-ID: ${index + 1}`,
      '',
      `PATCH ${upsert.url} HTTP/1.1`,
      'Content-Type: application/json; type=entry',
      '',
      // JSON.stringify writes one line, so no line of it can be mistaken for a boundary.
      JSON.stringify(upsert.columns),
    ].join('\r\n'),
  );
  return `${[...parts, `--${boundary}--`].join('\r\n')}\r\n`;
}
