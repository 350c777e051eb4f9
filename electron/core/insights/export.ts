/*
 * Every Inzicht table as a CSV file for Dutch Excel (csv.ts says how), with headers in the user's
 * language. The same figures as on screen: the file is made from getInsights.
 */
import type { FileBytes, ParsedInputOf } from '../../../shared/contract';
import { paymentSteps, ratingReasons, suggestionTitle, suggestionWhy, type InsightsPage } from '../../../shared/contract/methods/insights';
import { messages } from '../../../shared/i18n';
import type { Context } from '../context';
import { toCsv, type Cell } from './csv';
import { getInsights } from './index';

type Table = ParsedInputOf<'insights.exportCsv'>['table'];

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const BUCKETS = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;

export function insightsCsv(page: InsightsPage, table: Table, language: 'nl' | 'en'): { header: string[]; rows: Cell[][] } {
  const t = messages[language];
  const m = t.insights;
  const c = m.csv;
  const days = (n: number | null): Cell => (n === null ? null : { number: n, decimals: Number.isInteger(n) ? 0 : 1 });
  switch (table) {
    case 'overview':
      return {
        header: [c.period, c.from, c.to, c.days, c.openAtEnd, c.invoiced, c.credited, c.creditSales, c.dso],
        rows: page.overview.dso.map((d) => [m.dsoTitle(d.months), { date: d.from }, { date: d.to }, { number: d.days },
          { cents: d.openAtEnd }, { cents: d.invoiced }, { cents: d.credited }, { cents: d.creditSales }, days(d.dso)]),
      };
    case 'aging':
      return {
        header: [m.date, ...BUCKETS.map((b) => t.debtors.aging[b]), m.total],
        rows: page.aging.map((s) => [{ date: s.date }, ...BUCKETS.map((b): Cell => ({ cents: s.buckets[b] })), { cents: s.total }]),
      };
    case 'customers':
      return {
        header: [m.columns.name, c.kind, m.columns.paidInvoices, c.paidLate, m.columns.avgDaysLate, m.columns.worstDaysLate, c.openInvoices,
          m.columns.openAmount, c.overdueAmount, c.oldestOverdueDays, c.nudges, m.columns.reminders, m.columns.calls, c.finalNotices, c.handovers,
          c.promisesKept, c.promisesBroken, m.columns.arrangements, ...paymentSteps.map((s) => `${m.columns.usualStep}: ${m.step[s]}`),
          m.columns.usualStep, m.columns.rating, c.reason, c.termDays],
        rows: page.customers.map((x) => [x.name, t.kind[x.kind], { number: x.paidInvoices }, { number: x.paidLate }, days(x.avgDaysLate),
          days(x.worstDaysLate), { number: x.openInvoices }, { cents: x.openAmount }, { cents: x.overdueAmount }, { number: x.oldestOverdueDays },
          { number: x.nudges }, { number: x.reminders }, { number: x.calls }, { number: x.finalNotices }, { number: x.handovers },
          { number: x.promisesKept }, { number: x.promisesBroken }, { number: x.arrangements }, ...paymentSteps.map((s): Cell => ({ number: x.stepCounts[s] })),
          x.usualStep ? m.step[x.usualStep] : null, m.rating[x.rating.code], ratingReasons(m, x.rating), { number: x.termDays }]),
      };
    case 'steps':
      return {
        header: [m.stepColumns.step, m.stepColumns.invoices, m.stepColumns.paidWithin7Days, c.sharePercent, m.stepColumns.collected],
        rows: [
          [m.beforeAnyStep, null, null, null, { cents: page.collectedBeforeAnyStep }],
          ...page.steps.map((s): Cell[] => [capital(m.step[s.step]), { number: s.invoices }, { number: s.paidWithin7Days }, { percent: s.share }, { cents: s.collected }]),
        ],
      };
    case 'suggestions':
      return {
        header: [m.columns.name, c.suggestion, c.reason, m.columns.paidInvoices, m.columns.avgDaysLate, m.columns.worstDaysLate, c.termDays],
        rows: page.suggestions.map((s) => [s.name, suggestionTitle(m, s), suggestionWhy(m, s), { number: s.figures.paidInvoices },
          days(s.figures.avgDaysLate), days(s.figures.worstDaysLate), { number: s.figures.termDays }]),
      };
  }
}

export function exportInsightsCsv(ctx: Context, input: ParsedInputOf<'insights.exportCsv'>): FileBytes {
  const { header, rows } = insightsCsv(getInsights(ctx), input.table, input.language);
  const text = toCsv(header, rows);
  return {
    fileName: `${messages[input.language].insights.csvFile[input.table]}-${ctx.today()}.csv`,
    mimeType: 'text/csv;charset=utf-8',
    dataBase64: Buffer.from(text, 'utf8').toString('base64'),
  };
}
