// Inzicht (#/inzicht): learning from every case. Overview with DSO, the age of what was open at
// each month end, suggestions, how each customer pays, and what each step of the plan achieves.
// Every figure comes from the backend (insights.get); tables export to CSV, charts to PNG.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { InsightsPage } from '../../../shared/contract';
import { formatCents } from '../../../shared/domain/money';
import type { AgingBuckets } from '../../../shared/domain/overview';
import { call } from '../api/client';
import { BarChart, cssColor, type BarSeries } from '../components/charts/BarChart';
import '../components/charts/insights.css';
import { ErrorBox } from '../components/Field';
import { date, useMoney } from '../format';
import { useApp } from '../store';
import { InsightsCustomers } from './InsightsCustomers';
import { CsvButton, SuggestionCard, useShare } from './InsightsShared';

const BUCKETS: { key: keyof AgingBuckets; color: string }[] = [
  { key: 'notDue', color: '#9fb3c8' }, { key: 'days1to30', color: '#f0b429' }, { key: 'days31to60', color: '#de911d' },
  { key: 'days61to90', color: '#cb6e17' }, { key: 'over90', color: '#b42318' },
];

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Whole euros for chart axes: "€ 12.500". */
function useEuros() {
  const language = useApp((s) => s.language);
  return useCallback((cents: number) => `€ ${Math.round(cents / 100).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB')}`, [language]);
}

export function Insights() {
  const { t, language } = useApp();
  const m = t.insights;
  const money = useMoney();
  const euros = useEuros();
  const share = useShare();
  const [page, setPage] = useState<InsightsPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    call('insights.get', {}).then((p) => { setPage(p); setError(null); }, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  const aging = useMemo(() => page && {
    labels: page.aging.map((s) => (s.kind === 'today' ? m.todayLabel : m.month(s.date))),
    series: BUCKETS.map((b): BarSeries => ({ label: t.debtors.aging[b.key], data: page.aging.map((s) => s.buckets[b.key]), color: cssColor(`--${b.key}`, b.color) })),
  }, [page, m, t]);
  const works = useMemo(() => page && {
    labels: page.steps.map((s) => capital(m.step[s.step])),
    series: [{ label: m.stepColumns.share, data: page.steps.map((s) => s.share ?? 0), color: cssColor('--accent', '#1f6f78') }] as BarSeries[],
  }, [page, m]);
  const percent = useCallback((v: number) => `${Math.round(v * 100)}%`, []);

  if (error) return <main><ErrorBox message={error} /></main>;
  if (!page || !aging || !works) return <main className="muted">{t.common.loading}</main>;
  const { overview } = page;
  const changed = (message: string | null) => { setNotice(message); load(); };

  return (
    <main className="insights">
      <h1>{m.title}</h1>
      <p className="intro">{m.intro}</p>

      <section aria-labelledby="insights-overview">
        <div className="section-head">
          <h2 id="insights-overview">{m.overviewTitle}</h2>
          <CsvButton table="overview" />
        </div>
        <div className="insight-cards">
          <div className="card"><span>{m.totalOpen}</span><strong data-testid="insights-open">{money(overview.open)}</strong><small>{m.openInvoices(overview.openInvoices)}</small>
            {overview.openDatedLater > 0 && <small data-testid="insights-open-later">{m.openDatedLater(money(overview.openDatedLater))}</small>}</div>
          <div className="card warn"><span>{m.overdue}</span><strong data-testid="insights-overdue">{money(overview.overdue)}</strong></div>
          {overview.dso.map((d) => (
            <div key={d.months} className="card dso" title={`${m.dsoFormula}\n\n${m.dsoDetail(formatCents(d.openAtEnd, language), formatCents(d.creditSales, language), d.days)}`} data-testid={`dso-${d.months}`}>
              <span>{m.dsoTitle(d.months)}</span>
              <strong>{d.dso === null ? m.dsoNone : m.dsoDays(d.dso)}</strong>
              <small>{m.dsoDetail(money(d.openAtEnd), money(d.creditSales), d.days)}</small>
            </div>
          ))}
        </div>
        <p className="formula" data-testid="dso-formula">{m.dsoFormula}</p>
      </section>

      <section aria-labelledby="insights-aging">
        <div className="section-head">
          <h2 id="insights-aging">{m.agingTitle}</h2>
          <CsvButton table="aging" />
          <p>{m.agingIntro}</p>
        </div>
        <BarChart title={m.agingTitle} labels={aging.labels} series={aging.series} stacked format={euros}
          fileName={`${m.csvFile.aging}-${page.today}`} pngLabel={m.exportPng} pngTitle={m.exportPngTitle} testId="aging-chart" />
        <details className="as-table">
          <summary>{m.agingTable}</summary>
          <table data-testid="aging-table">
            <thead><tr><th>{m.date}</th>{BUCKETS.map((b) => <th key={b.key} className="num">{t.debtors.aging[b.key]}</th>)}<th className="num">{m.total}</th></tr></thead>
            <tbody>
              {page.aging.map((s) => (
                <tr key={s.date}><td>{date(s.date)}{s.kind === 'today' ? ` (${m.todayLabel})` : ''}</td>
                  {BUCKETS.map((b) => <td key={b.key} className="num">{money(s.buckets[b.key])}</td>)}<td className="num"><strong>{money(s.total)}</strong></td></tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      <section aria-labelledby="insights-suggestions">
        <div className="section-head">
          <h2 id="insights-suggestions">{m.suggestionsTitle}</h2>
          {page.suggestions.length > 0 && <CsvButton table="suggestions" />}
          <p>{m.suggestionsIntro}</p>
        </div>
        {notice && <p className="ok" role="status">{notice}</p>}
        {page.suggestions.length === 0 ? <p className="muted">{m.noSuggestions}</p> : (
          <div className="suggestions">
            {page.suggestions.map((s) => <SuggestionCard key={`${s.debtorId}-${s.kind}`} suggestion={s} onChanged={changed} />)}
          </div>
        )}
      </section>

      <InsightsCustomers customers={page.customers} />

      <section aria-labelledby="insights-works">
        <div className="section-head">
          <h2 id="insights-works">{m.worksTitle}</h2>
          <CsvButton table="steps" />
          <p>{m.worksIntro(date(page.period.from), date(page.period.to))}</p>
        </div>
        <div className="works">
          <div>
            <table data-testid="steps-table">
              <thead><tr><th>{m.stepColumns.step}</th><th className="num">{m.stepColumns.invoices}</th><th className="num">{m.stepColumns.paidWithin7Days}</th><th className="num">{m.stepColumns.share}</th><th className="num">{m.stepColumns.collected}</th></tr></thead>
              <tbody>
                <tr><td>{m.beforeAnyStep}</td><td className="num">—</td><td className="num">—</td><td className="num">—</td><td className="num">{money(page.collectedBeforeAnyStep)}</td></tr>
                {page.steps.map((s) => (
                  <tr key={s.step}><td>{capital(m.step[s.step])}</td><td className="num">{s.invoices}</td><td className="num">{s.paidWithin7Days}</td><td className="num share">{share(s.share)}</td><td className="num">{money(s.collected)}</td></tr>
                ))}
              </tbody>
            </table>
            <div className="nudge-effect" data-testid="nudge-effect">
              <h3>{m.nudgeTitle}</h3>
              <p>{page.nudge.withNudge.invoices + page.nudge.withoutNudge.invoices === 0 ? m.nudgeNone
                : m.nudgeText(share(page.nudge.withNudge.share), page.nudge.withNudge.invoices, share(page.nudge.withoutNudge.share), page.nudge.withoutNudge.invoices)}</p>
            </div>
          </div>
          <BarChart title={m.worksChart} labels={works.labels} series={works.series} horizontal format={percent} max={1}
            fileName={`${m.csvFile.steps}-${page.today}`} pngLabel={m.exportPng} pngTitle={m.exportPngTitle} testId="works-chart" />
        </div>
      </section>
    </main>
  );
}
