/** Queue names: one per kind of work, so a slow kind never starves another. */
export const QUEUES = {
  maintenance: 'maintenance',
  integration: 'integration',
  push: 'push',
  export: 'export',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Job names within the queues, for producers that must not import the processors (and the models they need). */
export const JOBS = {
  ingestBatch: 'ingestBatch',
  linkUnits: 'linkUnits',
  pushFiling: 'pushFiling',
  pushFilings: 'pushFilings',
  exportXlsx: 'exportXlsx',
  refreshDeadlines: 'refreshDeadlines',
  pruneAuditLog: 'pruneAuditLog',
  verifyAuditChain: 'verifyAuditChain',
  evaluateRisk: 'evaluateRisk',
  maintenance: 'maintenance',
} as const;
