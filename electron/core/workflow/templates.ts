// Mail templates: the defaults live in code (shared/workflow/defaultTemplates.ts); a text the user
// edited is stored in the templates table and wins. Resetting deletes the stored row.
import { mailSteps, tones, type MailStep, type MailTemplate, type Tone } from '../../../shared/domain/workflow';
import { defaultTemplate } from '../../../shared/workflow/defaultTemplates';
import type { ParsedInputOf } from '../../../shared/contract';
import type { Context } from '../context';
import type { Lang } from './common';

interface TemplateRow { step: string; language: Lang; tone: Tone; subject: string; body: string }

export function getTemplate(ctx: Context, step: MailStep, language: Lang, tone: Tone): MailTemplate {
  const row = ctx.sqlite.prepare('SELECT step, language, tone, subject, body FROM templates WHERE step = ? AND language = ? AND tone = ?')
    .get(step, language, tone) as TemplateRow | undefined;
  if (row) return { step, language, tone, subject: row.subject, body: row.body, edited: true };
  return { step, language, tone, ...defaultTemplate(step, language, tone), edited: false };
}

export function listTemplates(ctx: Context): MailTemplate[] {
  const rows = ctx.sqlite.prepare('SELECT step, language, tone, subject, body FROM templates').all() as TemplateRow[];
  const stored = new Map(rows.map((r) => [`${r.step}|${r.language}|${r.tone}`, r]));
  const list: MailTemplate[] = [];
  for (const language of ['nl', 'en'] as const) {
    for (const step of mailSteps) {
      for (const tone of tones) {
        const row = stored.get(`${step}|${language}|${tone}`);
        list.push(row
          ? { step, language, tone, subject: row.subject, body: row.body, edited: true }
          : { step, language, tone, ...defaultTemplate(step, language, tone), edited: false });
      }
    }
  }
  return list;
}

export function saveTemplate(ctx: Context, input: ParsedInputOf<'templates.save'>): MailTemplate {
  const body = input.body.replace(/\r\n?/g, '\n');
  ctx.sqlite.prepare(`INSERT INTO templates (step, language, tone, subject, body, updated_at) VALUES (@step, @language, @tone, @subject, @body, @now)
    ON CONFLICT (step, language, tone) DO UPDATE SET subject = excluded.subject, body = excluded.body, updated_at = excluded.updated_at`)
    .run({ step: input.step, language: input.language, tone: input.tone, subject: input.subject, body, now: ctx.now() });
  return getTemplate(ctx, input.step, input.language, input.tone);
}

export function resetTemplate(ctx: Context, input: ParsedInputOf<'templates.reset'>): MailTemplate {
  ctx.sqlite.prepare('DELETE FROM templates WHERE step = ? AND language = ? AND tone = ?').run(input.step, input.language, input.tone);
  return getTemplate(ctx, input.step, input.language, input.tone);
}
