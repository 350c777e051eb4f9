// The collection plan in Instellingen (the business's ladder and default tone) and a customer's
// own ladder (only what differs from the business's).
import type { DebtorWorkflow } from '../../../shared/contract/methods/workflow';
import type { ParsedInputOf } from '../../../shared/contract';
import { ladderOverrideSchema, mergeLadder, type LadderOverride, type WorkflowSettings } from '../../../shared/domain/workflow';
import type { Context } from '../context';
import { AppError } from '../errors';
import { getDebtorRow } from '../ledger/debtors';
import { addEvent } from '../ledger/events';
import { requireBusiness } from './common';
import { evaluateLedger, loadWorkflowSettings } from './load';

export function getWorkflowSettings(ctx: Context): WorkflowSettings {
  return loadWorkflowSettings(ctx);
}

export function saveWorkflowSettings(ctx: Context, input: ParsedInputOf<'workflow.saveSettings'>): WorkflowSettings {
  requireBusiness(ctx);
  // settings_json is shared with other parts (letters): only our key is replaced.
  ctx.sqlite.prepare(`UPDATE business SET ladder_json = ?, settings_json = json_set(settings_json, '$.workflow', json(?)), updated_at = ? WHERE id = 1`)
    .run(JSON.stringify(input.ladder), JSON.stringify({ defaultTone: input.defaultTone }), ctx.now());
  return loadWorkflowSettings(ctx);
}

export function overrideOf(json: string | null): LadderOverride | null {
  if (!json) return null;
  try {
    const parsed = ladderOverrideSchema.safeParse(JSON.parse(json));
    return parsed.success && Object.keys(parsed.data).length ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function debtorWorkflow(ctx: Context, debtorId: number): Promise<DebtorWorkflow> {
  const debtor = await getDebtorRow(ctx, debtorId);
  const evaluated = evaluateLedger(ctx, debtorId)[0];
  const override = overrideOf(debtor.ladder_json);
  if (!evaluated) {
    return {
      debtorId, stage: 'not-due', nextAction: null, actions: [], pauses: [], pausedUntil: debtor.paused_until, pauseReason: debtor.pause_reason,
      invoices: [], ladder: mergeLadder(loadWorkflowSettings(ctx).ladder, override), ladderOverride: override,
    };
  }
  const { state, debtor: loaded } = evaluated;
  const numberOf = new Map(loaded.invoices.map((i) => [i.id, i.number]));
  const stopped = new Set(loaded.invoices.filter((i) => i.stopped).map((i) => i.id));
  return {
    debtorId, stage: state.stage, nextAction: state.nextAction, actions: state.actions,
    pauses: state.pauses.map((p) => ({ ...p, invoiceNumbers: p.invoiceIds.map((id) => numberOf.get(id) ?? String(id)) })),
    pausedUntil: debtor.paused_until, pauseReason: debtor.pause_reason,
    invoices: state.invoices.map((i) => ({ ...i, stopped: stopped.has(i.invoiceId) })),
    ladder: state.ladder, ladderOverride: override,
  };
}

export async function saveDebtorLadder(ctx: Context, input: ParsedInputOf<'workflow.saveDebtorLadder'>): Promise<DebtorWorkflow> {
  const debtor = await getDebtorRow(ctx, input.debtorId);
  const override = input.override && Object.keys(input.override).length ? input.override : null;
  if (override) {
    const merged = mergeLadder(loadWorkflowSettings(ctx).ladder, override);
    // mergeLadder falls back to the defaults on an inconsistent ladder; refuse that instead.
    for (const [k, v] of Object.entries(override)) {
      if (JSON.stringify(merged[k as keyof typeof merged]) !== JSON.stringify(v)) {
        throw new AppError('invalid-input', 'De stappen moeten in volgorde blijven: elke stap later dan de vorige.', 'The steps must stay in order: each later than the one before.', { [k]: 'Past niet in de volgorde van de stappen.' });
      }
    }
  }
  ctx.sqlite.prepare('UPDATE debtors SET ladder_json = ?, updated_at = ? WHERE id = ?').run(override ? JSON.stringify(override) : null, ctx.now(), debtor.id);
  await addEvent(ctx, {
    debtorId: debtor.id, type: 'workflow.ladder-changed', occurredOn: ctx.today(),
    summary: override ? 'Eigen herinneringsplan voor deze klant ingesteld' : 'Herinneringsplan van het bedrijf weer van toepassing', data: { override },
  });
  return debtorWorkflow(ctx, debtor.id);
}
