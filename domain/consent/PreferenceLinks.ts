/**
 * Port: the signed links in MS's mails that let a person change their email preferences without
 * signing in ([Permissionsstruktur2]). A link names one person and expires.
 */
export interface PreferenceLinks {
  issue(personId: string): Promise<{ token: string; expiresAt: string }>;
  /** The person the link was issued for; undefined when it is forged, altered or expired. */
  personOf(token: string): Promise<string | undefined>;
}
