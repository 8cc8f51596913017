import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { Hono } from 'hono';

/** Serves an Azure Functions HTTP request with the engine's Hono app (web-standard Request/Response). */
export async function serveWithHono(app: Hono, request: HttpRequest): Promise<HttpResponseInit> {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const webRequest = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    ...(hasBody && { body: await request.arrayBuffer() }),
  });
  const response = await app.fetch(webRequest);
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: new Uint8Array(await response.arrayBuffer()),
  };
}
