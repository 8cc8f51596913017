const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * True when the connection string's endpoint is plain HTTP on this machine (the local simulator).
 * Only then may the SDK connect without TLS; any other http:// endpoint is still refused by it.
 */
export function isLoopbackHttpEndpoint(connectionString: string): boolean {
  const endpoint = /endpoint=([^;]*)/i.exec(connectionString)?.[1];
  if (!endpoint) return false;
  try {
    const url = new URL(endpoint);
    return url.protocol === 'http:' && loopbackHosts.has(url.hostname);
  } catch {
    return false;
  }
}
