import { useState } from 'react';
import { addDaysIso } from '../../../../shared/domain/dates';
import { call, errorText } from '../../api/client';
import { ErrorBox, Field } from '../../components/Field';
import { date, useMoney } from '../../format';
import { useApp } from '../../store';

/** What the choices need to know about an arrangement. */
export interface ChoiceTarget {
  planId: number;
  remaining: number;
  accelerationClause: boolean;
  /** The first missed installment; null when none was missed (then only ending is offered). */
  missed: { seq: number; dueDate: string } | null;
  /** The latest date a missed installment may move to (the next installment), if any. */
  latestNewDate: string | null;
}

/**
 * After a missed installment: end the arrangement under the vervalbeding (after a dialog that
 * explains what that means) or give room (a new date for the missed installment). Used on Vandaag
 * and on the debtor page; renders its buttons and, below them, the open dialog.
 */
export function ArrangementChoices({ target, onDone }: { target: ChoiceTarget; onDone: (message: string) => void }) {
  const { t, language, info } = useApp();
  const money = useMoney();
  const a = t.arrangements;
  const today = info?.today ?? new Date().toISOString().slice(0, 10);
  const [open, setOpen] = useState<'end' | 'give' | null>(null);
  const suggested = addDaysIso(today, 7);
  const [newDate, setNewDate] = useState(target.latestNewDate && target.latestNewDate < suggested ? target.latestNewDate : suggested);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>, message: string) {
    setBusy(true);
    setError(null);
    try {
      await action();
      setOpen(null);
      onDone(message);
    } catch (e) {
      setError(errorText(e, language));
    } finally {
      setBusy(false);
    }
  }

  const remaining = money(target.remaining);
  const explanation = !target.missed
    ? a.endNotMissed(remaining)
    : target.accelerationClause
      ? a.endMissed(target.missed.seq, date(target.missed.dueDate), remaining)
      : a.endMissedNoClause(target.missed.seq, date(target.missed.dueDate), remaining);
  const titleId = `end-title-${target.planId}`;

  return (
    <>
      <div className="arrangement-choices">
        {target.missed && <button className="primary" disabled={busy} onClick={() => { setOpen(open === 'give' ? null : 'give'); setError(null); }}>{a.give}</button>}
        <button disabled={busy} onClick={() => { setOpen(open === 'end' ? null : 'end'); setError(null); }}>{a.end}</button>
      </div>
      {open === 'end' && (
        <div className="choice-dialog end" role="alertdialog" aria-labelledby={titleId} aria-modal="false">
          <h3 id={titleId}>{a.endTitle}</h3>
          <p>{explanation}</p>
          <p className="hint-text">{a.endAfter}</p>
          <ErrorBox message={error} />
          <Field label={a.note}><input value={note} onChange={(e) => setNote(e.target.value)} /></Field>
          <div className="actions">
            <button className="danger" disabled={busy} onClick={() => void run(() => call('arrangements.end', { planId: target.planId, ...(note.trim() ? { note } : {}) }), a.ended)}>{a.endConfirm}</button>
            <button disabled={busy} onClick={() => setOpen(null)}>{a.endBack}</button>
          </div>
        </div>
      )}
      {open === 'give' && target.missed && (
        <form className="choice-dialog give" aria-label={a.giveTitle}
          onSubmit={(e) => { e.preventDefault(); void run(() => call('arrangements.continue', { planId: target.planId, newDate, ...(note.trim() ? { note } : {}) }), a.continued); }}>
          <h3>{a.giveTitle}</h3>
          <p className="hint-text">{a.giveIntro}</p>
          <ErrorBox message={error} />
          <div className="grid">
            <Field label={a.newDate} hint={target.latestNewDate ? a.newDateHint(date(target.latestNewDate)) : undefined}>
              <input type="date" required min={today} max={target.latestNewDate ?? undefined} value={newDate} onChange={(e) => setNewDate(e.target.value)} />
            </Field>
            <Field label={a.note}><input value={note} onChange={(e) => setNote(e.target.value)} /></Field>
          </div>
          <div className="actions">
            <button className="primary" type="submit" disabled={busy}>{a.giveConfirm}</button>
            <button type="button" disabled={busy} onClick={() => setOpen(null)}>{a.cancel}</button>
          </div>
        </form>
      )}
    </>
  );
}
