/**
 * [OnlineFundraising12] When a send's share of failed deliveries crosses `failureShareThreshold`
 * (once at least `minimumDeliveries` outcomes are in), these people are mailed. Kept as data,
 * changed through the admin API.
 */
export interface DeliveryAlertSettings {
  id: typeof deliveryAlertSettingsId;
  failureShareThreshold: number;
  minimumDeliveries: number;
  recipients: string[];
  updatedAt: string;
}

export const deliveryAlertSettingsId = 'delivery-alert-settings';

export const defaultDeliveryAlertSettings: Omit<DeliveryAlertSettings, 'updatedAt'> = {
  id: deliveryAlertSettingsId,
  failureShareThreshold: 0.05,
  minimumDeliveries: 20,
  recipients: [],
};
