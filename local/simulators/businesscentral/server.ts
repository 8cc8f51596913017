import type { Clock } from '../../../domain/shared/Clock.js';
import { systemClock } from '../../../adapters/system/systemClock.js';
import type { AppRegistration } from '../shared/EntraTokenIssuer.js';
import { type ListenOptions, startHttpServer } from '../shared/httpServer.js';
import { createBusinessCentralApp } from './app.js';
import { type RequestLimits, sandboxLimits } from './RequestLimiter.js';
import { type CompanySetup, type DimensionSetup, type GlAccountSetup, type JournalSetup, defaultDimensions, defaultGlAccounts } from './setup.js';
import { SimulatorControl } from './SimulatorControl.js';

export interface BusinessCentralSimulatorOptions extends ListenOptions {
  /** The app registration the simulated Entra ID accepts; `localBusinessCentral`'s when omitted. */
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** The environment's name in the API's path; default `localBusinessCentral.environmentName`. */
  environmentName?: string;
  /** `expires_in` of issued tokens; default 3599 like Entra ID. */
  tokenLifetimeSeconds?: number;
  /** Default: `localBusinessCentral`'s company id and names. */
  company?: Partial<CompanySetup>;
  /** Default: one journal, `localBusinessCentral.journalCode`. */
  journals?: JournalSetup[];
  /** The chart of G/L accounts; default `defaultGlAccounts`. */
  accounts?: GlAccountSetup[];
  /** Default `defaultDimensions` (SAG and SAGSOPGAVE, any value accepted). */
  dimensions?: DimensionSetup[];
  /** Default: a BC sandbox's (300 requests a minute, 5 at a time, 100 in flight). */
  limits?: Partial<RequestLimits>;
  /** The most entities a page holds; default 20,000 like BC. */
  maxPageSize?: number;
  /** For the work date (default posting date); default Europe/Copenhagen. */
  timeZone?: string;
  clock?: Clock;
}

export type BusinessCentralSimulator = SimulatorControl & {
  /** `<root>/v2.0/<tenant>/<environment>/api/v2.0`: what the engine's BC_API_URL points at. */
  url: string;
  /** The Entra ID authority the tokens come from (in Azure `https://login.microsoftonline.com`). */
  authorityUrl: string;
  /** `<authorityUrl>/<tenant>/oauth2/v2.0/token` */
  tokenUrl: string;
  /** The app registration the simulator accepts. */
  credentials: AppRegistration;
  environmentName: string;
  journalCode: string;
  close(): Promise<void>;
};

/** Local-only identities and credentials of the simulated BC; none of them exists in Azure. */
export const localBusinessCentral = {
  tenantId: '00000000-0000-0000-0000-0000000000bc',
  clientId: '22222222-2222-2222-2222-222222222222',
  clientSecret: 'local-businesscentral-client-secret',
  environmentName: 'sandbox',
  companyId: 'c0c0c0c0-0000-4000-8000-0000000000bc',
  companyName: 'MS',
  journalCode: 'MSENGINE',
} as const;


/** Starts the Business Central API v2.0 simulator (with its Entra ID token endpoint); see README.md. */
export async function startBusinessCentralSimulator(options: BusinessCentralSimulatorOptions = {}): Promise<BusinessCentralSimulator> {
  const credentials: AppRegistration = {
    tenantId: options.tenantId ?? localBusinessCentral.tenantId,
    clientId: options.clientId ?? localBusinessCentral.clientId,
    clientSecret: options.clientSecret ?? localBusinessCentral.clientSecret,
  };
  const environmentName = options.environmentName ?? localBusinessCentral.environmentName;
  const journals = options.journals ?? [{ code: localBusinessCentral.journalCode, displayName: 'MS-engine: indbetalinger fra OnlineFundraising' }];
  const control = new SimulatorControl({
    app: credentials,
    environmentName,
    setup: {
      company: {
        id: localBusinessCentral.companyId,
        name: localBusinessCentral.companyName,
        displayName: 'Mellemfolkeligt Samvirke (lokal)',
        ...options.company,
      },
      journals,
      accounts: options.accounts ?? defaultGlAccounts,
      dimensions: options.dimensions ?? defaultDimensions,
    },
    limits: { ...sandboxLimits, ...options.limits },
    maxPageSize: options.maxPageSize ?? 20_000,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
    timeZone: options.timeZone ?? 'Europe/Copenhagen',
    clock: options.clock ?? systemClock,
  });
  const app = createBusinessCentralApp(control);

  const { url: authorityUrl, close } = await startHttpServer(app.fetch, options);
  return Object.assign(control, {
    url: `${authorityUrl}/v2.0/${credentials.tenantId}/${environmentName}/api/v2.0`,
    authorityUrl,
    tokenUrl: `${authorityUrl}/${credentials.tenantId}/oauth2/v2.0/token`,
    credentials,
    environmentName,
    journalCode: journals[0]?.code.toUpperCase() ?? '',
    close,
  });
}
