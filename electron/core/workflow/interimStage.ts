import { dayNumber, isoOfDayNumber } from '../../../shared/domain/dates';
import type { NextAction, Stage } from '../../../shared/domain/overview';

/**
 * INTERIM: the stage from days overdue alone, until the workflow engine (issue 6) derives it from
 * the timeline. The offsets are the seed plan's defaults: a nudge 3 days before the due date,
 * reminders at +7 and +14, a call at +21, the final notice at +28, handover two weeks after that.
 */
export const DEFAULT_OFFSETS: readonly { stage: Stage; days: number }[] = [
  { stage: 'nudge', days: -3 },
  { stage: 'reminder-1', days: 7 },
  { stage: 'reminder-2', days: 14 },
  { stage: 'call', days: 21 },
  { stage: 'final-notice', days: 28 },
  { stage: 'handover', days: 42 },
];

export function interimStage(oldestDueDate: string, today: string, withAgency: boolean): { stage: Stage; nextAction: NextAction | null } {
  if (withAgency) return { stage: 'with-agency', nextAction: null };
  const due = dayNumber(oldestDueDate);
  const todayNumber = dayNumber(today);
  const dateOf = (days: number) => isoOfDayNumber(due + days);
  let reached: { stage: Stage; days: number } | null = null;
  for (const step of DEFAULT_OFFSETS) if (due + step.days <= todayNumber) reached = step;
  if (!reached) return { stage: 'not-due', nextAction: { kind: 'nudge', date: dateOf(DEFAULT_OFFSETS[0]!.days) } };
  return { stage: reached.stage, nextAction: { kind: reached.stage, date: dateOf(reached.days) } };
}
