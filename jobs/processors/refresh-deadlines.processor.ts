import { z } from 'zod';
import { chinaDay } from '../../domain/dates.js';
import { refreshDeadlines } from '../deadlines/refresh-deadlines.js';
import type { Processor } from '../../queue/job-types.js';
import { deadlineRules } from '../../settings/deadline-rules.js';

/** `today` fixes the clock for tests and for re-running a missed day; otherwise it is today in China. */
const input = z
  .object({
    today: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  .default({});

/** The daily round: deadlines and escalations (expired export files go with the minute's maintenance). */
export const refreshDeadlinesJob: Processor = async (data) => {
  const { today } = input.parse(data ?? {});
  return refreshDeadlines(deadlineRules(), today ?? chinaDay(new Date()));
};
