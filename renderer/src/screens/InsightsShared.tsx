// Pieces of Inzicht used on the Inzicht screen and on the debtor page: rating badge, suggestion
// card, CSV button, and the way days and shares are written.
import { useState } from 'react';
import type { InsightTable, Rating, Suggestion } from '../../../shared/contract';
import { ratingReasons, suggestionTitle, suggestionWhy } from '../../../shared/contract/methods/insights';
import { call } from '../api/client';
import { downloadFile } from '../fileBytes';
import { useApp } from '../store';

/** 19.7 → "19,7" in Dutch; null → "—". */
export function useDays() {
  const language = useApp((s) => s.language);
  return (days: number | null) => (days === null ? '—' : language === 'nl' ? String(days).replace('.', ',') : String(days));
}

/** 0.4286 → "43%" (no decimals: these are small counts). */
export function useShare() {
  const language = useApp((s) => s.language);
  return (share: number | null) => (share === null ? '—' : `${Math.round(share * 100).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB')}%`);
}

export function RatingBadge({ rating, withReason = false }: { rating: Rating; withReason?: boolean }) {
  const m = useApp((s) => s.t.insights);
  const reason = ratingReasons(m, rating);
  return (
    <>
      <span className={`rating ${rating.code}`} title={reason} data-testid="rating">{m.rating[rating.code]}</span>
      {withReason && <span className="reason">{reason}</span>}
    </>
  );
}

export function CsvButton({ table, testId }: { table: InsightTable; testId?: string }) {
  const { t, language } = useApp();
  const [busy, setBusy] = useState(false);
  async function download() {
    setBusy(true);
    try {
      downloadFile(await call('insights.exportCsv', { table, language }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <button type="button" className="small" onClick={() => void download()} disabled={busy} title={t.insights.exportCsvTitle} data-testid={testId ?? `export-csv-${table}`}>
      {t.insights.exportCsv}
    </button>
  );
}

/** One suggestion with the figures that led to it; "shorter term" can be applied at once. */
/** `onChanged` gets a sentence to show once the suggestion is gone (null: nothing to say). */
export function SuggestionCard({ suggestion, onChanged, showName = true }: { suggestion: Suggestion; onChanged: (notice: string | null) => void; showName?: boolean }) {
  const { t, navigate } = useApp();
  const m = t.insights;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (fn: () => Promise<unknown>, notice: string | null) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      onChanged(notice);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  const days = suggestion.figures.proposedDays;
  return (
    <article className={`suggestion ${suggestion.kind}`} data-testid="suggestion">
      <h3>{suggestionTitle(m, suggestion)}</h3>
      {showName && (
        <div className="who">
          <a href={`#/debiteur/${suggestion.debtorId}`} onClick={(e) => { e.preventDefault(); navigate({ name: 'debtor', id: suggestion.debtorId }); }}>{suggestion.name}</a>
        </div>
      )}
      <p>{suggestionWhy(m, suggestion)}</p>
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="actions">
        {suggestion.kind === 'shorter-term' && days !== null && (
          <button type="button" className="primary small" disabled={busy}
            onClick={() => void act(() => call('insights.applyTerm', { debtorId: suggestion.debtorId, days }), `${suggestion.name}: ${m.suggestion['shorter-term'].applied(days)}`)}>
            {m.suggestion['shorter-term'].apply(days)}
          </button>
        )}
        <button type="button" className="small" disabled={busy} title={m.suggestion.dismissHint}
          onClick={() => void act(() => call('insights.dismiss', { debtorId: suggestion.debtorId, kind: suggestion.kind }), null)}>
          {m.suggestion.dismiss}
        </button>
      </div>
    </article>
  );
}
