import type { Clock } from '../../../domain/shared/Clock.js';
import { SimulatorControlBase } from '../shared/SimulatorControlBase.js';
import { localSignIn, localStaff, localTeamGroups } from './localStaff.js';
import { type StaffTokenRequest, StaffTokenIssuer } from './StaffTokenIssuer.js';

/** The simulated tenant's state: its signing keys, the request log and the faults to inject. */
export class SimulatorControl extends SimulatorControlBase {
  readonly tokens: StaffTokenIssuer;
  url = '';

  constructor(clock: Clock) {
    super();
    this.tokens = new StaffTokenIssuer(localSignIn, () => this.issuer, clock);
  }

  /** `<url>/<tenant>/v2.0`, as `https://login.microsoftonline.com/<tenant>/v2.0` is in Azure: what STAFF_AUTH_ISSUER points at. */
  get issuer(): string {
    return `${this.url}/${localSignIn.tenantId}/v2.0`;
  }

  /** A token for one of the local colleagues (`localStaff`), as their browser would get it; `teams` moves them to other teams. */
  tokenForColleague(role: keyof typeof localStaff, teams?: string[]): Promise<string> {
    const colleague = localStaff[role];
    const groups = (teams ?? colleague.teams).map((team) => localTeamGroups[team] ?? team);
    return this.tokens.tokenFor({ ...colleague, groups });
  }

  tokenFor(request: StaffTokenRequest): Promise<string> {
    return this.tokens.tokenFor(request);
  }

  rotateKeys(): Promise<void> {
    return this.tokens.rotateKeys();
  }

  reset(): void {
    this.clearFaults();
    this.clearRequests();
  }
}
