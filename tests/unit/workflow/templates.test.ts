// The default mail texts: complete (every step × language × tone), using only known variables,
// and in the app's tone: the heads-up before the due date is friendly, never a threat.
import { describe, expect, it } from 'vitest';
import { mailSteps, timelineKind, tones } from '../../../shared/domain/workflow';
import { DEFAULT_TEMPLATES } from '../../../shared/workflow/defaultTemplates';
import { renderTemplate, TEMPLATE_VARIABLE_NAMES, TEMPLATE_VARIABLES, unknownVariables } from '../../../shared/workflow/render';

const all = (['nl', 'en'] as const).flatMap((language) => mailSteps.flatMap((step) => tones.map((tone) => ({ language, step, tone, ...DEFAULT_TEMPLATES[language][step][tone] }))));

describe('default templates', () => {
  it('exist for every step, language and tone, with a subject and a body', () => {
    expect(all).toHaveLength(7 * 2 * 3);
    for (const t of all) {
      expect(t.subject.trim(), `${t.language}/${t.step}/${t.tone}`).not.toBe('');
      expect(t.subject).not.toContain('\n');
      expect(t.body.length).toBeGreaterThan(200);
    }
  });

  it('use only variables the app fills in, and every variable a step needs is offered for it', () => {
    for (const t of all) {
      expect(unknownVariables(`${t.subject}\n${t.body}`, TEMPLATE_VARIABLE_NAMES), `${t.language}/${t.step}/${t.tone}`).toEqual([]);
      for (const name of (`${t.subject}${t.body}`.match(/\{\{([a-z_.]+)\}\}/g) ?? []).map((m) => m.slice(2, -2))) {
        const v = TEMPLATE_VARIABLES.find((x) => x.name === name)!;
        expect(!v.steps || v.steps.includes(t.step), `${name} in ${t.step}`).toBe(true);
      }
      // Every message says what is owed and how to pay (an installment reminder: the installment).
      expect(t.body).toContain(t.step === 'installment-reminder' ? '{{termijn.bedrag}}' : '{{facturen}}');
      expect(t.body).toContain('{{iban}}');
      expect(t.body).toContain('{{betalingskenmerk}}');
    }
  });

  it('render without any placeholder left when every variable is given', () => {
    const values = Object.fromEntries(TEMPLATE_VARIABLE_NAMES.map((n) => [n, `<${n}>`]));
    for (const t of all) expect(renderTemplate(t.body, values)).not.toMatch(/\{\{|\}\}/);
    expect(renderTemplate('{{ totaal }} en {{onbekend}}', { totaal: '€ 1,00' })).toBe('€ 1,00 en {{onbekend}}');
  });

  it('the nudge is a heads-up: no costs, interest, collection or final notice, in any tone', () => {
    for (const t of all.filter((x) => x.step === 'nudge')) {
      expect(`${t.subject} ${t.body}`.toLowerCase()).not.toMatch(/incasso|kosten|rente|aanmaning|gerechtelijk|collection|costs|interest|final notice|legal/);
    }
  });

  it('leave room for the customer\'s side of the story, and never threaten with costs or court before the final notice', () => {
    for (const t of all) {
      expect(t.body.toLowerCase(), `${t.language}/${t.step}/${t.tone}`).not.toMatch(/rechter|deurwaarder|dagvaarding|court|bailiff/);
      if (t.step.startsWith('reminder') || t.step === 'nudge') {
        expect(t.body, `${t.language}/${t.step}/${t.tone}`).toMatch(/laat (het )?(me|mij)|neem(t u)? .*contact|hoor ik (dat|het) graag|bel of mail|let me know|contact me|tell me|call or e-mail me|please contact|glad to hear/i);
      }
    }
  });
});

describe('arrangement templates', () => {
  it('state the schedule and the vervalbeding in the confirmation, the installment and its date in the reminder, in every tone and language', () => {
    for (const t of all.filter((x) => x.step === 'arrangement-confirmation')) {
      for (const v of ['{{regeling.schema}}', '{{regeling.totaal}}', '{{regeling.opbouw}}', '{{regeling.vervalbeding}}']) expect(t.body, `${t.language}/${t.tone}`).toContain(v);
    }
    for (const t of all.filter((x) => x.step === 'installment-reminder')) {
      for (const v of ['{{termijn.nummer}}', '{{termijn.datum}}']) expect(`${t.subject}${t.body}`, `${t.language}/${t.tone}`).toContain(v);
      // A heads-up before the date: never costs, interest or an agency.
      expect(`${t.subject} ${t.body}`.toLowerCase()).not.toMatch(/incasso|kosten|rente|aanmaning|collection|costs|interest|final notice/);
    }
  });
});

describe('timeline kinds', () => {
  it.each([
    ['nudge.sent', 'reminders'], ['reminder.sent', 'reminders'], ['call.confirmation-sent', 'reminders'], ['call.logged', 'calls'],
    ['promise.made', 'promises'], ['promise.broken', 'promises'], ['letter.sent', 'letters'], ['registered.sent', 'letters'],
    ['payment.received', 'payments'], ['dispute.opened', 'disputes'], ['invoice.created', 'other'], ['debtor.paused', 'other'],
    ['arrangement.created', 'promises'], ['arrangement.missed', 'promises'], ['arrangement.ended', 'promises'], ['arrangement.reminder-sent', 'reminders'],
    ['arrangement.confirmation-sent', 'reminders'],
  ])('%s → %s', (type, kind) => expect(timelineKind(type)).toBe(kind));
});
