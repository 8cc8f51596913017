import type { Database } from '@azure/cosmos';
import { CosmosAuditLog } from '../../adapters/cosmos/CosmosAuditLog.js';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import { AesGcmCprVault } from '../../adapters/crypto/AesGcmCprVault.js';
import { EntraAccessTokenVerifier } from '../../adapters/entra/EntraAccessTokenVerifier.js';
import { unresolvedKeyVaultReferences } from '../../adapters/system/unresolvedSecrets.js';
import type { AuditLog } from '../../domain/audit/ports.js';
import type { TeamLimitStore } from '../../domain/consent/ports.js';
import type { CprVault } from '../../domain/person/CprVault.js';
import type { Clock } from '../../domain/shared/Clock.js';
import type { Logger } from '../../domain/shared/Logger.js';
import type { EngineConfig } from '../config.js';
import type { StaffAccessDeps } from '../http/access/staffAccess.js';

export interface StaffAccessWiring {
  staffAccess: StaffAccessDeps;
  auditLog: AuditLog;
  cprVault: CprVault;
}

/**
 * [Brugerrettigheder][KomMed-GDPR] The adapters of staff access: Entra ID sign-in, the audit log and
 * the CPR vault. The routes, the audit middleware and the CPR intake of OF and forms use them.
 */
export function wireStaffAccess(parts: { config: EngineConfig; database: Database; teamLimits: TeamLimitStore; clock: Clock; logger: Logger }): StaffAccessWiring {
  const { config, database, teamLimits, clock, logger } = parts;
  return {
    staffAccess: { verifier: new EntraAccessTokenVerifier(config.staffSignIn, clock), teamLimits, logger },
    auditLog: new CosmosAuditLog(database.container(cosmosContainers.auditLog.id)),
    cprVault: cprVaultOf(config),
  };
}

/** The CPR vault, or (keys not resolved from Key Vault) one that refuses every use, so the rest of the engine runs and /health/ready says why. */
function cprVaultOf(config: EngineConfig): CprVault {
  const { keyring, lookupKey } = config.cpr;
  if (typeof keyring === 'string' || unresolvedKeyVaultReferences(lookupKey).length > 0) {
    const refuse = (): never => {
      throw new Error('the CPR keys are not resolved from Key Vault');
    };
    return { seal: refuse, open: refuse, lookupOf: refuse };
  }
  return new AesGcmCprVault(keyring, Buffer.from(lookupKey, 'base64'));
}
