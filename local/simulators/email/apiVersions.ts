/**
 * The Email API versions the simulator answers: the stable and preview versions in Azure's REST
 * specification whose send and status operations are the ones simulated. `@azure/communication-email`
 * 1.1.0 sends 2025-09-01.
 */
export const supportedApiVersions = ['2023-03-31', '2024-07-01-preview', '2025-01-15-preview', '2025-09-01'] as const;

/** Why the `api-version` query parameter is refused, or undefined when it is supported. */
export function apiVersionRefusal(apiVersion: string | undefined): { code: string; message: string } | undefined {
  if (!apiVersion) return { code: 'MissingApiVersionParameter', message: 'The api-version query parameter (?api-version=) is required for all requests.' };
  if ((supportedApiVersions as readonly string[]).includes(apiVersion)) return undefined;
  return { code: 'UnsupportedApiVersion', message: `The api-version '${apiVersion}' is not supported; supported versions: ${supportedApiVersions.join(', ')}.` };
}
