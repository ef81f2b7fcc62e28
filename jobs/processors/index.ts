import type { Processor } from '../../queue/job-types.js';
import { JOBS, QUEUES } from '../../queue/queue-names.js';
import { evaluateRiskJob } from './evaluate-risk.processor.js';
import { exportXlsx } from './export-xlsx.processor.js';
import { ingestBatch } from './ingest-batch.processor.js';
import { linkUnitsJob } from './link-units.processor.js';
import { maintenanceJob } from './maintenance.processor.js';
import { pushFiling, pushFilings } from './push-filing.processor.js';
import { recordReceipt } from './record-receipt.processor.js';
import { refreshDeadlinesJob } from './refresh-deadlines.processor.js';
import { pruneAuditLogJob } from './prune-audit-log.processor.js';
import { verifyAuditChainJob } from './verify-audit-chain.processor.js';

/** queue → job name → processor: the BullMQ worker and the inline driver dispatch through the same table. */
export const PROCESSORS: Record<string, Record<string, Processor>> = {
  [QUEUES.maintenance]: {
    recordReceipt,
    [JOBS.refreshDeadlines]: refreshDeadlinesJob,
    [JOBS.maintenance]: maintenanceJob,
    [JOBS.pruneAuditLog]: pruneAuditLogJob,
    [JOBS.verifyAuditChain]: verifyAuditChainJob,
    [JOBS.evaluateRisk]: evaluateRiskJob,
  },
  [QUEUES.integration]: { [JOBS.ingestBatch]: ingestBatch, [JOBS.linkUnits]: linkUnitsJob },
  [QUEUES.push]: { [JOBS.pushFilings]: pushFilings, [JOBS.pushFiling]: pushFiling },
  [QUEUES.export]: { [JOBS.exportXlsx]: exportXlsx },
};

export function processorFor(queue: string, name: string): Processor {
  const processor = PROCESSORS[queue]?.[name];
  if (!processor) throw new Error(`没有处理器: 队列 ${queue} 的任务 ${name}`);
  return processor;
}
