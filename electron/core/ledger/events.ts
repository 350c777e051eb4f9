import type { TimelineEvent } from '../../../shared/domain/ledger';
import type { Context } from '../context';

export interface NewEvent {
  debtorId: number;
  type: string;
  occurredOn: string;
  summary: string;
  data?: Record<string, unknown>;
  invoiceIds?: number[];
  documentId?: number | null;
  correctsEventId?: number | null;
}

/** Appends to a debtor's timeline. Events are never changed afterwards (a trigger enforces it). */
export async function addEvent(ctx: Context, e: NewEvent): Promise<number> {
  const row = await ctx.db.insertInto('events').values({
    debtor_id: e.debtorId,
    type: e.type,
    occurred_on: e.occurredOn,
    created_at: ctx.now(),
    summary: e.summary,
    data_json: JSON.stringify(e.data ?? {}),
    document_id: e.documentId ?? null,
    corrects_event_id: e.correctsEventId ?? null,
  }).returning('id').executeTakeFirstOrThrow();
  if (e.invoiceIds?.length) {
    await ctx.db.insertInto('event_invoices').values(e.invoiceIds.map((invoice_id) => ({ event_id: row.id, invoice_id }))).execute();
  }
  return row.id;
}

/** The timeline of a debtor, newest first. */
export async function listTimeline(ctx: Context, debtorId: number): Promise<TimelineEvent[]> {
  const rows = await ctx.db.selectFrom('events').selectAll().where('debtor_id', '=', debtorId)
    .orderBy('occurred_on', 'desc').orderBy('id', 'desc').execute();
  const links = await ctx.db.selectFrom('event_invoices').innerJoin('events', 'events.id', 'event_invoices.event_id')
    .select(['event_invoices.event_id', 'event_invoices.invoice_id']).where('events.debtor_id', '=', debtorId).execute();
  const byEvent = new Map<number, number[]>();
  for (const l of links) byEvent.set(l.event_id, [...(byEvent.get(l.event_id) ?? []), l.invoice_id]);
  return rows.map((r) => ({
    id: r.id,
    debtorId: r.debtor_id,
    type: r.type,
    occurredOn: r.occurred_on,
    createdAt: r.created_at,
    summary: r.summary,
    invoiceIds: byEvent.get(r.id) ?? [],
    documentId: r.document_id,
    data: JSON.parse(r.data_json) as Record<string, unknown>,
  }));
}
