import { describe, expect, it } from 'vitest';
import { onlineFundraisingEntities, onlineFundraisingNotificationSchema } from './notification.js';

const notification = {
  notificationId: '7b0c8f0e-3d53-4f4e-9a7b-6b1f2f5d9c11',
  entity: 'contact',
  entityId: 'c-1001',
  event: 'created',
  occurredAt: '2025-03-01T10:00:00.000Z',
};

describe('onlineFundraisingNotificationSchema', () => {
  it('accepts a notification for each of the seven core entities', () => {
    for (const entity of onlineFundraisingEntities) {
      expect(onlineFundraisingNotificationSchema.parse({ ...notification, entity })).toEqual({ ...notification, entity });
    }
  });

  it('rejects an unknown entity or event, a missing entity id and a timestamp that is not an instant', () => {
    expect(onlineFundraisingNotificationSchema.safeParse({ ...notification, entity: 'person' }).success).toBe(false);
    expect(onlineFundraisingNotificationSchema.safeParse({ ...notification, event: 'deleted' }).success).toBe(false);
    expect(onlineFundraisingNotificationSchema.safeParse({ ...notification, entityId: '' }).success).toBe(false);
    expect(onlineFundraisingNotificationSchema.safeParse({ ...notification, occurredAt: '1 March 2025' }).success).toBe(false);
  });
});
