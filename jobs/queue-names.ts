/** Queue names: one per kind of work, so a slow kind never starves another. */
export const QUEUES = {
  maintenance: 'maintenance',
  integration: 'integration',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
