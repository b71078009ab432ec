/**
 * Art. 12(3) deadlines of data-subject requests: one month from receipt, extendable by two further
 * months (with the reason recorded and the person informed within the first month). Periods follow
 * Regulation 1182/71 as read by the EDPB (Guidelines 01/2022 on the right of access, §157-159): the
 * month ends on the same date of the next month, or the last day of that month when it has no such
 * date; a period ending on a Saturday or Sunday ends on the next Monday. Public holidays are not
 * modelled (ADR 013): the date shown is never later than the legal one.
 */
export const DUE_SOON_DAYS = 7;

function addMonthsClamped(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)));
}

function rollOverWeekend(d: Date): Date {
  const day = d.getUTCDay();
  if (day === 6) return new Date(d.getTime() + 2 * 86400_000);
  if (day === 0) return new Date(d.getTime() + 86400_000);
  return d;
}

/** The date (UTC midnight of the last day) by which the answer is due. */
export function requestDueDate(receivedAt: Date, extended = false): Date {
  const day = new Date(Date.UTC(receivedAt.getUTCFullYear(), receivedAt.getUTCMonth(), receivedAt.getUTCDate()));
  return rollOverWeekend(addMonthsClamped(day, extended ? 3 : 1));
}

export type DeadlineState = "done" | "overdue" | "due_soon" | "on_time";

/** Whole days left until the due date (0 on the due date itself, negative once passed). */
export function daysLeft(dueAt: Date, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((dueAt.getTime() - today) / 86400_000);
}

export function deadlineState(dueAt: Date, now: Date, open: boolean): DeadlineState {
  if (!open) return "done";
  const left = daysLeft(dueAt, now);
  if (left < 0) return "overdue";
  if (left <= DUE_SOON_DAYS) return "due_soon";
  return "on_time";
}

/** The extension must be decided, and the person told, within the first month (Art. 12(3)). */
export function canExtend(receivedAt: Date, now: Date, alreadyExtended: boolean): boolean {
  return !alreadyExtended && daysLeft(requestDueDate(receivedAt), now) >= 0;
}

/** The anonymization date of a closed request's personal details. */
export function anonymizeAfter(closedAt: Date, months: number): Date {
  return addMonthsClamped(closedAt, months);
}
