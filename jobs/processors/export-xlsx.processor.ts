import { Op } from 'sequelize';
import { z } from 'zod';
import type { Processor } from '../../queue/job-types.js';
import { logger } from '../../settings/logger.js';
import { DataExport } from '../../db/models/system/data-export.model.js';

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
      // The user reads this line; the driver's own words go to the log only.
      logger.error({ err: error, exportId }, 'export failed');
      await DataExport.update(
        { state: 'failed', error: '导出失败：系统处理出错，请稍后重新导出；如持续出现请联系系统管理员' },
        // Never over a file another run finished meanwhile.
        { where: { id: exportId, state: { [Op.in]: ['queued', 'running'] } } },
      );
    }
    throw error;
  }
};
