/** Facts about one delivery of a queue message, as the Functions runtime reports them. */
export interface QueueDelivery {
  dequeueCount: number;
  /** The Functions invocation id (Azure only), for the logs. */
  invocationId?: string;
}

/**
 * A queue-triggered function. Azure registers it with `app.storageQueue`; the local host polls
 * Azurite and calls the same `handle`. `message` is the decoded message: parsed JSON, or text.
 * Throwing means "failed": the runtime redelivers, and after `maxDequeueCount` moves it to poison.
 */
export interface QueueFunction {
  name: string;
  queueName: string;
  handle(message: unknown, delivery: QueueDelivery): Promise<void>;
}
