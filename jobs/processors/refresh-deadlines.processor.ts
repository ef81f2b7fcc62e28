import fs from 'node:fs';
import { Op } from 'sequelize';
import { z } from 'zod';
import { chinaDay } from '../../domain/dates.js';
import { refreshDeadlines } from '../deadlines/refresh-deadlines.js';
import { exportFilePath } from '../export/export-file.js';
import type { Processor } from '../job-types.js';
import { DataExport } from '../../resources/system/data-export.model.js';
import { deadlineRules } from '../../server/deadline-rules.js';

/** `today` fixes the clock for tests and for re-running a missed day; otherwise it is today in China. */
const input = z.object({ today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).default({});

/** The daily round: deadlines and escalations, then export files past their 24 hours. */
export const refreshDeadlinesJob: Processor = async (data) => {
  const { today } = input.parse(data ?? {});
  const run = await refreshDeadlines(deadlineRules(), today ?? chinaDay(new Date()));
  const expired = await DataExport.findAll({ where: { expiresAt: { [Op.lt]: new Date() } }, attributes: ['id'] });
  for (const job of expired) fs.rmSync(exportFilePath(job.id), { force: true });
  return { ...run, exportsRemoved: expired.length };
};
