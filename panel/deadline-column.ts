import {
  buildFeature,
  type ActionContext,
  type ActionRequest,
  type ActionResponse,
  type FeatureType,
  type ListActionResponse,
} from 'adminjs';
import { deadlineText } from '../domain/deadlines.js';
import { workingDaysBetween } from '../domain/working-days.js';
import { chinaDay } from '../domain/dates.js';
import { deadlineRules } from '../settings/deadline-rules.js';
import { Components } from './components/registry.js';

type After = (response: ActionResponse, request: ActionRequest, context: ActionContext) => Promise<ActionResponse>;

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
  const onList: After = async (response) => {
    for (const record of (response as ListActionResponse).records ?? []) {
      record.params.deadline = deadlineLabel(record.params.dueDate);
      record.params.deadlineOverdue = deadlineOverdue(record.params.dueDate);
    }
    return response;
  };
  const onShow: After = async (response) => {
    if (response.record) {
      response.record.params.deadline = deadlineLabel(response.record.params.dueDate);
      response.record.params.deadlineOverdue = deadlineOverdue(response.record.params.dueDate);
    }
    return response;
  };
  return buildFeature({
    properties: {
      deadline: {
        type: 'string',
        isSortable: false,
        isVisible: { list: true, show: true, edit: false, filter: false },
        components: { list: Components.DeadlineCell, show: Components.DeadlineCell },
      },
    },
    actions: { list: { after: [onList] }, show: { after: [onShow] } },
  });
}
