/** 时限: due dates in working days, how late a record is, and where an overdue record is escalated. */
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from './working-days.js';

export interface DeadlineStatus {
  dueDate: string;
  /** Working days left after today; 0 on the due date itself and once overdue. */
  remaining: number;
  /** Working days after the due date up to today; 0 until then. */
  overdueDays: number;
}

/** A step that starts on `start` (not counted) and must be done within `workingDays`. */
export function deadlineStatus(start: string, workingDays: number, today: string, calendar: WorkingCalendar): DeadlineStatus {
  const dueDate = addWorkingDays(start, workingDays, calendar);
  return today <= dueDate
    ? { dueDate, remaining: workingDaysBetween(today, dueDate, calendar), overdueDays: 0 }
    : { dueDate, remaining: 0, overdueDays: workingDaysBetween(dueDate, today, calendar) };
}

/** What a list shows beside a pending record. */
export function deadlineText(status: DeadlineStatus): string {
  if (status.overdueDays > 0) return `已超期 ${status.overdueDays} 个工作日（${status.dueDate} 到期）`;
  if (status.remaining === 0) return `今天到期（${status.dueDate}）`;
  return `还剩 ${status.remaining} 个工作日（${status.dueDate} 到期）`;
}

/** 政府采购法 art. 47: filed more than the limit after signing; the days beyond it, or 0. */
export function lateFilingDays(signedAt: string, filedAt: string, workingDays: number, calendar: WorkingCalendar): number {
  const due = addWorkingDays(signedAt, workingDays, calendar);
  return filedAt <= due ? 0 : workingDaysBetween(due, filedAt, calendar);
}
