// Which customer an imported invoice belongs to: an existing debtor by KvK number, then e-mail
// address, then normalised name ("Bakkerij Ünal B.V." = "BAKKERIJ UNAL BV"); otherwise a new
// customer, one per distinct customer in the file.
import { debtorInput, type DebtorFields } from '../../../shared/domain/ledger';
import type { CustomerMatch } from '../../../shared/contract';
import type { Context } from '../context';
import { normaliseName, type ImportedCustomer } from '../imports';

export interface PlannedDebtor {
  /** Negative: a customer this import creates (the same number for every row of that customer). */
  ref: number;
  fields: DebtorFields;
  /** Fields of the file that could not be taken over (Dutch). */
  warnings: string[];
}

export interface CustomerResolution {
  match: CustomerMatch;
  /** An existing debtor's id, or a PlannedDebtor's negative ref. */
  ref: number;
  debtorName: string;
  archived: boolean;
  kind: 'business' | 'consumer';
  /** Only for the first row of a new customer (the rest refer to the same plan). */
  warnings: string[];
  /** Why the customer cannot be created (e.g. no name). */
  problem: string | null;
}

interface Known { id: number; name: string; archived: boolean; kind: 'business' | 'consumer' }

const LEGAL_FORM = /\b(b\.?\s?v|n\.?\s?v|v\.?\s?o\.?\s?f|c\.?\s?v|holding|stichting|vereniging|coöperatie|cooperatie|gmbh|ltd|inc|llc|s\.?a\.?r\.?l|bvba|s\.?a)\b\.?/i;

/** Business when the file gives a KvK number, a btw-id, a legal form or a contact person; otherwise a consumer (the stricter rules). */
export function guessKind(c: ImportedCustomer): 'business' | 'consumer' {
  return c.kvk || c.vatId || c.contactName || c.tradingName || LEGAL_FORM.test(c.name) ? 'business' : 'consumer';
}

const FIELD_LABEL: Record<string, string> = {
  contactName: 'Contactpersoon', street: 'Adres', postcode: 'Postcode', city: 'Plaats', country: 'Land', email: 'E-mailadres',
  phone: 'Telefoon', kvk: 'KvK-nummer', vatId: 'Btw-id',
};

/** The debtor fields for an imported customer, leaving out (with a warning) what the ledger's rules refuse. */
export function debtorFieldsOf(c: ImportedCustomer): { fields: DebtorFields | null; warnings: string[]; problem: string | null } {
  const raw: Record<string, unknown> = {
    kind: guessKind(c), name: c.name.slice(0, 200), contactName: c.contactName?.slice(0, 200) ?? null,
    street: c.street?.slice(0, 200) ?? null, postcode: c.postcode?.slice(0, 20) ?? null, city: c.city?.slice(0, 100) ?? null,
    country: c.country && /^[A-Z]{2}$/i.test(c.country) ? c.country.toUpperCase() : 'NL',
    email: c.email ?? null, phone: c.phone?.slice(0, 40) ?? null, kvk: c.kvk ?? null, vatId: c.vatId ?? null,
    language: c.country && !['NL', 'BE', 'SR'].includes(c.country.toUpperCase()) ? 'en' : 'nl',
  };
  const warnings: string[] = [];
  for (let attempt = 0; attempt < 12; attempt++) {
    const parsed = debtorInput.safeParse(raw);
    if (parsed.success) return { fields: parsed.data, warnings, problem: null };
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    if (field === 'name' || field === 'kind' || !(field in raw) || raw[field] === null) {
      return { fields: null, warnings, problem: field === 'name' ? 'De naam van de klant ontbreekt.' : `Klantgegevens: ${issue.message}` };
    }
    warnings.push(`${FIELD_LABEL[field] ?? field} "${String(raw[field])}" is niet overgenomen: ${issue.message}`);
    raw[field] = field === 'country' ? 'NL' : null;
  }
  return { fields: null, warnings, problem: 'De klantgegevens konden niet worden gelezen.' };
}

/** Matches customers against the ledger's debtors (forgotten ones excluded: they get no new invoices). */
export class CustomerMatcher {
  private readonly byKvk = new Map<string, Known>();
  private readonly byEmail = new Map<string, Known>();
  private readonly byName = new Map<string, Known>();
  private readonly plannedByKvk = new Map<string, PlannedDebtor>();
  private readonly plannedByEmail = new Map<string, PlannedDebtor>();
  private readonly plannedByName = new Map<string, PlannedDebtor>();
  readonly planned: PlannedDebtor[] = [];

  constructor(ctx: Context) {
    const rows = ctx.sqlite.prepare('SELECT id, name, kvk, email, archived, kind FROM debtors WHERE forgotten_at IS NULL ORDER BY archived, id')
      .all() as { id: number; name: string; kvk: string | null; email: string | null; archived: number; kind: 'business' | 'consumer' }[];
    for (const r of rows) {
      const known: Known = { id: r.id, name: r.name, archived: r.archived === 1, kind: r.kind };
      const kvk = r.kvk?.replace(/\D/g, '');
      if (kvk && !this.byKvk.has(kvk)) this.byKvk.set(kvk, known);
      const email = r.email?.trim().toLowerCase();
      if (email && !this.byEmail.has(email)) this.byEmail.set(email, known);
      const name = normaliseName(r.name);
      if (name && !this.byName.has(name)) this.byName.set(name, known);
    }
  }

  resolve(c: ImportedCustomer): CustomerResolution {
    const kvk = c.kvk?.replace(/\D/g, '') || '';
    const email = c.email?.trim().toLowerCase() || '';
    const names = [normaliseName(c.name), normaliseName(c.tradingName)].filter((n) => n.length > 0);
    const existing = (known: Known, match: CustomerMatch): CustomerResolution =>
      ({ match, ref: known.id, debtorName: known.name, archived: known.archived, kind: known.kind, warnings: [], problem: null });
    if (kvk && this.byKvk.has(kvk)) return existing(this.byKvk.get(kvk)!, 'kvk');
    if (email && this.byEmail.has(email)) return existing(this.byEmail.get(email)!, 'email');
    for (const n of names) if (this.byName.has(n)) return existing(this.byName.get(n)!, 'name');

    const plan = (kvk && this.plannedByKvk.get(kvk)) || (email && this.plannedByEmail.get(email)) || names.map((n) => this.plannedByName.get(n)).find(Boolean);
    if (plan) return { match: 'new', ref: plan.ref, debtorName: plan.fields.name, archived: false, kind: plan.fields.kind, warnings: [], problem: null };

    const { fields, warnings, problem } = debtorFieldsOf(c);
    if (!fields) return { match: 'new', ref: 0, debtorName: c.name, archived: false, kind: guessKind(c), warnings, problem };
    const created: PlannedDebtor = { ref: -(this.planned.length + 1), fields, warnings };
    this.planned.push(created);
    if (fields.kvk) this.plannedByKvk.set(fields.kvk, created);
    if (fields.email) this.plannedByEmail.set(fields.email.toLowerCase(), created);
    for (const n of names) if (!this.plannedByName.has(n)) this.plannedByName.set(n, created);
    return { match: 'new', ref: created.ref, debtorName: fields.name, archived: false, kind: fields.kind, warnings, problem: null };
  }
}
