import type { FeatureType } from 'adminjs';
import { deadlineText } from '../domain/deadlines.js';
import { workingDaysBetween } from '../domain/working-days.js';
import { chinaDay } from '../domain/dates.js';
import { deadlineRules } from '../settings/deadline-rules.js';
import { Components } from './components/registry.js';
import { readTimeValuesFeature } from './read-time-values.js';

/** 「还剩 3 个工作日（… 到期）」 or 「已超期 2 个工作日」, worked out today from the stored due date. */
export function deadlineLabel(dueDate: unknown, today = chinaDay(new Date())): string {
  if (!dueDate) return '';
  const due = String(dueDate).slice(0, 10);
  const { calendar } = deadlineRules();
  return today <= due
    ? deadlineText({ dueDate: due, remaining: workingDaysBetween(today, due, calendar), overdueDays: 0 })
    : deadlineText({ dueDate: due, remaining: 0, overdueDays: workingDaysBetween(due, today, calendar) });
}

/** Whether the due date has passed today (China's day), which the list marks in red. */
export const deadlineOverdue = (dueDate: unknown, today = chinaDay(new Date())): boolean =>
  !!dueDate && today > String(dueDate).slice(0, 10);

/** A 时限 column on every resource whose records wait for a supervisor (those with a due date). */
export function deadlineColumnFeature(): FeatureType {
  return readTimeValuesFeature(
    (params, now) => {
      const today = chinaDay(now);
      params.deadline = deadlineLabel(params.dueDate, today);
      params.deadlineOverdue = deadlineOverdue(params.dueDate, today);
    },
    {
      properties: {
        deadline: {
          type: 'string',
          isSortable: false,
          isVisible: { list: true, show: true, edit: false, filter: false },
          components: { list: Components.DeadlineCell, show: Components.DeadlineCell },
        },
      },
    },
  );
}
