/** `Authorization` header value for HTTP Basic auth (RFC 7617), credentials as UTF-8. */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
