/**
 * [Skatteindberetning] One delivery to SKAT: the January run for an income year (and any later one,
 * carrying corrections). Its number is unique over all deliveries and years; its entries are the
 * markers that name it. `collecting` until the run has computed and marked every giver; only then
 * can its file be had.
 */
export interface TaxDelivery {
  /** `tax-delivery:<deliveryNumber>`. */
  id: string;
  deliveryNumber: number;
  year: number;
  status: 'collecting' | 'ready';
  reporter: { cvr: string; se: string };
  requestedAt: string;
  requestedBy: string;
  runId: string;
  finishedAt?: string;
  counts?: { reports: number; corrections: number; giftsOre: number; ongoingOre: number; waitingForCpr: number };
}

export function taxDeliveryId(deliveryNumber: number): string {
  return `tax-delivery:${deliveryNumber}`;
}
