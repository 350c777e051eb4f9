// Timings of the letters for `npm run bench` (tests/bench/bench.ts can call benchLetters on its
// large ledger). Nothing is stored: letters are composed and rendered as in a preview; the batch
// is merged as letters.batch does. Never used for assertions.
import type { Context } from '../context';
import { composeLetter, type LetterInput } from './compose';
import { mergePdfs } from './mergePdf';
import { renderComposition } from './service';

export interface LetterBench {
  /** Debtors the letters were made for (cycled when there are fewer than `count`). */
  debtors: number;
  /**
   * One letter, composed from the ledger and rendered (median of `runs`). The same letter each
   * time, after a warm-up, so its fonts and words are already shared (electron/core/pdf/
   * sharedFonts.ts); the batch below shows the cost of letters with new names and amounts.
   */
  oneLetterMs: number;
  /** `count` letters composed and rendered one after the other. */
  lettersMs: number;
  /** Joining their pages into one batch PDF. */
  mergeMs: number;
  count: number;
  pages: number;
  bytes: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Times one letter and `count` (default 100) letters on the ledger behind `ctx`: business final
 * notices and consumer veertiendagenbrieven for debtors with overdue invoices and an address.
 */
export async function benchLetters(ctx: Context, opts: { count?: number; runs?: number } = {}): Promise<LetterBench> {
  const count = opts.count ?? 100;
  const runs = opts.runs ?? 5;
  const candidates = ctx.sqlite.prepare(`
    SELECT d.id, d.kind FROM debtors d
    WHERE d.archived = 0 AND d.street IS NOT NULL AND d.postcode IS NOT NULL AND d.city IS NOT NULL
      AND EXISTS (SELECT 1 FROM invoices i WHERE i.debtor_id = d.id AND i.kind = 'invoice' AND i.open_cents > 0 AND i.due_date < ? AND i.disputed = 0)
    ORDER BY d.id LIMIT ?
  `).all(ctx.today(), count) as { id: number; kind: 'business' | 'consumer' }[];
  if (candidates.length === 0) throw new Error('benchLetters: no debtor with an address and an overdue invoice in this ledger.');
  const requests: LetterInput[] = [];
  for (let i = 0; requests.length < count; i++) {
    const d = candidates[i % candidates.length]!;
    requests.push({ debtorId: d.id, kind: d.kind === 'consumer' ? 'fourteen-day' : 'final-notice' });
  }
  const one = async () => renderComposition(await composeLetter(ctx, requests[0]!));
  await one(); // warm-up: fonts, pdfmake instance
  const singles: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await one();
    singles.push(performance.now() - t);
  }
  const files: Uint8Array[] = [];
  const t0 = performance.now();
  for (const request of requests) files.push(await renderComposition(await composeLetter(ctx, request)));
  const lettersMs = performance.now() - t0;
  const t1 = performance.now();
  const merged = mergePdfs(files);
  const mergeMs = performance.now() - t1;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    debtors: candidates.length, oneLetterMs: round(median(singles)), lettersMs: round(lettersMs), mergeMs: round(mergeMs), count,
    pages: merged.pages, bytes: merged.bytes.length,
  };
}
