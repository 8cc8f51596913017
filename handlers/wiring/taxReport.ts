import type { Database } from '@azure/cosmos';
import { CosmosTaxDeliveries } from '../../adapters/cosmos/CosmosTaxDeliveries.js';
import { CosmosTaxReportMarkers } from '../../adapters/cosmos/CosmosTaxReportMarkers.js';
import { CosmosTaxReportSources } from '../../adapters/cosmos/CosmosTaxReportSources.js';
import { CosmosTaxStatements } from '../../adapters/cosmos/CosmosTaxStatements.js';
import { CosmosVersionedStore } from '../../adapters/cosmos/CosmosVersionedStore.js';
import { cosmosContainers } from '../../adapters/cosmos/containers.js';
import { taxDeliveryReviewCsv } from '../../adapters/csv/TaxDeliveryReviewCsv.js';
import type { CprVault } from '../../domain/person/CprVault.js';
import type { PersonRepository } from '../../domain/person/ports.js';
import type { Clock } from '../../domain/shared/Clock.js';
import { taxDeliveryJob } from '../../domain/taxreport/taxDeliveryJob.js';
import { taxMailAudience } from '../../domain/taxreport/taxMailAudience.js';
import type { TaxReporter } from '../../domain/taxreport/TaxReporter.js';
import type { TaxYearRules } from '../../domain/taxreport/TaxYearRules.js';
import { taxYearTotalsJob } from '../../domain/taxreport/taxYearTotalsJob.js';

export type TaxReportWiring = ReturnType<typeof wireTaxReport>;

/**
 * [Skatteindberetning] The annual tax report: the year's rules and MS's CVR/SE (in `engine-state`),
 * the statements, the deliveries and their markers, the December and January jobs, and the format a
 * delivery's file is written in.
 */
export function wireTaxReport(parts: { database: Database; persons: PersonRepository; cprVault: CprVault; clock: Clock }) {
  const { database } = parts;
  const engineState = database.container(cosmosContainers.engineState.id);
  const ports = {
    rules: new CosmosVersionedStore<TaxYearRules>(engineState),
    reporter: new CosmosVersionedStore<TaxReporter>(engineState),
    sources: new CosmosTaxReportSources(database.container(cosmosContainers.payments.id)),
    statements: new CosmosTaxStatements(database.container(cosmosContainers.taxStatements.id)),
    deliveries: new CosmosTaxDeliveries(database.container(cosmosContainers.taxDeliveries.id)),
    markers: new CosmosTaxReportMarkers(database.container(cosmosContainers.taxReportMarkers.id)),
    deliveryFormat: taxDeliveryReviewCsv,
    persons: parts.persons,
    cprVault: parts.cprVault,
    clock: parts.clock,
  };
  return { ports, jobs: [taxYearTotalsJob(ports), taxDeliveryJob(ports)], mailAudience: taxMailAudience(ports) };
}
