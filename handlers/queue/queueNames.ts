/** Storage queue names; infra/ declares the same. */
export const queueNames = {
  onlineFundraisingNotifications: 'of-notifications',
} as const;

/** Where Azure Functions moves a message that failed `maxDequeueCount` times. */
export function poisonQueueOf(queue: string): string {
  return `${queue}-poison`;
}

/** Azure Functions' default `maxDequeueCount` (host.json `extensions.queues`). */
export const maxDequeueCount = 5;
