import type { CprVault } from '../person/CprVault.js';
import type { PersonRepository } from '../person/ports.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import type { TaxDeliveries, TaxReportMarkers } from './ports.js';
import { type TaxDelivery, taxDeliveryId } from './TaxDelivery.js';
import type { TaxReportMarker } from './TaxReportMarker.js';

/** The run has not marked every giver yet: a file now would leave some out. */
export class DeliveryNotReadyError extends ConflictError {
  readonly code = 'delivery_not_ready';
  constructor(delivery: TaxDelivery) {
    super(`delivery ${delivery.deliveryNumber} is still being collected (job run ${delivery.runId}); ask again when its status is ready`);
  }
}

/** One giver's line: the marker and the CPR number it is reported under. */
export interface DeliveryLine extends TaxReportMarker {
  cpr: string;
}

/**
 * Port: how a delivery is written out. The lines come in person order, a page at a time; the format
 * adds what its start and end need (the delivery's number, CVR/SE, counts and sums).
 */
export interface TaxDeliveryFormat {
  name: string;
  mediaType: string;
  extension: string;
  render(delivery: TaxDelivery, lines: DeliveryLine[]): Uint8Array;
}

export interface TaxDeliveryFilePorts {
  deliveries: TaxDeliveries;
  markers: TaxReportMarkers;
  persons: Pick<PersonRepository, 'get'>;
  cprVault: CprVault;
}

const markersPerPage = 1_000;

/**
 * [Skatteindberetning] A ready delivery's file, made when asked: the markers that name the delivery,
 * each with the giver's CPR number opened from the vault (no clear CPR number is stored). A giver
 * who no longer holds the number they were marked under (anonymised, or the number corrected) is
 * left out, and counted.
 */
export async function taxDeliveryFile(deliveryNumber: number, format: TaxDeliveryFormat, ports: TaxDeliveryFilePorts): Promise<{ delivery: TaxDelivery; content: Uint8Array; personIds: string[]; leftOut: number }> {
  const delivery = (await ports.deliveries.get(taxDeliveryId(deliveryNumber)))?.value;
  if (!delivery) throw new NotFoundError(`no delivery ${deliveryNumber}`);
  if (delivery.status !== 'ready') throw new DeliveryNotReadyError(delivery);
  const lines: DeliveryLine[] = [];
  let leftOut = 0;
  for await (const markers of ports.markers.ofDelivery(deliveryNumber, markersPerPage)) {
    for (const marker of markers) {
      // The number the giver was marked under: a person anonymised or whose number was corrected since is left out, and counted.
      const sealed = (await ports.persons.get(marker.personId))?.value.cpr;
      if (sealed?.lookup === marker.cprLookup) lines.push({ ...marker, cpr: ports.cprVault.open(sealed) });
      else leftOut++;
    }
  }
  return { delivery, content: format.render(delivery, lines), personIds: lines.map((line) => line.personId), leftOut };
}
