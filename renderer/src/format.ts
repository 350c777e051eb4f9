import { formatDate } from '../../shared/domain/dates';
import { formatCents } from '../../shared/domain/money';
import { useApp } from './store';

/** `€ 1.234,56` in Dutch, `€1,234.56` in English. */
export function useMoney() {
  const language = useApp((s) => s.language);
  return (cents: number) => formatCents(cents, language);
}

/** Dates are shown as 24-11-2026 in both languages (the user's own Dutch administration). */
export const date = formatDate;
