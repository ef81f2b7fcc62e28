import { z } from 'zod';
import type { Processor } from '../job-types.js';
import { DataExport } from '../../resources/system/data-export.model.js';

const input = z.object({ exportId: z.string().uuid() });

/** Writes one Excel export; progress is kept on the export row (N / M) and on the job. */
export const exportXlsx: Processor = async (data, job) => {
  const { exportId } = input.parse(data);
  try {
    // Loaded on the first export only: it brings the panel's list machinery (AdminJS), which a worker that never
    // exports should not hold in memory.
    const { runExport } = await import('../export/export-xlsx.js');
    const result = await runExport(exportId, (done, total) => job.updateProgress({ done, total }));
    return { rows: result.done };
  } catch (error) {
    if (job.attemptsMade + 1 >= job.maxAttempts) {
      await DataExport.update({ state: 'failed', error: (error as Error).message }, { where: { id: exportId } });
    }
    throw error;
  }
};
