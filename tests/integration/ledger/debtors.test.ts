import { describe, expect, it } from 'vitest';
import { call, dumpDatabase, failure, withBackend } from '../../helpers/backend';
import { aDebtor, createDebtor } from '../../helpers/ledger';

describe('debtors', () => {
  it('creates a customer with normalised details and gives it back in the list', async () => {
    const { backend } = await withBackend();
    const debtor = await call(backend, 'debtors.create', aDebtor({
      kind: 'consumer', name: ' Petra Jansen ', postcode: '3701gb', email: 'petra@mail.nl', iban: 'nl91abna0417164300', paymentTermDays: 14, notes: '  ',
    }));
    expect(debtor).toMatchObject({
      kind: 'consumer', name: 'Petra Jansen', postcode: '3701 GB', country: 'NL', email: 'petra@mail.nl', iban: 'NL91 ABNA 0417 1643 00',
      paymentTermDays: 14, notes: null, archived: false, isDemo: false, language: 'nl',
    });
    expect(debtor.id).toBeGreaterThan(0);
    expect(await call(backend, 'debtors.list', {})).toEqual([debtor]);
  });

  it('refuses wrong details with a Dutch message per field, and writes nothing', async () => {
    const { backend, databaseFile } = await withBackend();
    const before = dumpDatabase(databaseFile);
    const error = await failure(backend, 'debtors.create', aDebtor({ name: '', iban: 'NL91ABNA0417164301', postcode: '0123 AB', kvk: '12' }));
    expect(error.code).toBe('invalid-input');
    expect(error.fields).toMatchObject({
      name: expect.stringMatching(/naam van de klant/),
      iban: expect.stringMatching(/IBAN klopt niet/),
      postcode: expect.stringMatching(/1234 AB/),
      kvk: expect.stringMatching(/8 cijfers/),
    });
    expect(dumpDatabase(databaseFile)).toBe(before);
  });

  it('accepts any postcode for a customer abroad', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend, { country: 'de', postcode: '10115', city: 'Berlin' });
    expect(debtor).toMatchObject({ country: 'DE', postcode: '10115' });
  });

  it('updates a customer', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend, { name: 'Oude naam' });
    const updated = await call(backend, 'debtors.update', { id: debtor.id, debtor: aDebtor({ name: 'Nieuwe naam', city: 'Zeist' }) });
    expect(updated).toMatchObject({ id: debtor.id, name: 'Nieuwe naam', city: 'Zeist', createdAt: debtor.createdAt });
    expect((await call(backend, 'debtors.page', { id: debtor.id })).debtor).toEqual(updated);
  });

  it('archives and restores a customer; the list hides archived customers unless asked', async () => {
    const { backend } = await withBackend();
    const kept = await createDebtor(backend, { name: 'Blijft' });
    const gone = await createDebtor(backend, { name: 'Gearchiveerd' });
    expect(await call(backend, 'debtors.archive', { id: gone.id, archived: true })).toMatchObject({ archived: true });
    expect((await call(backend, 'debtors.list', {})).map((d) => d.name)).toEqual(['Blijft']);
    expect((await call(backend, 'debtors.list', { includeArchived: true })).map((d) => d.name)).toEqual(['Blijft', 'Gearchiveerd']);
    await call(backend, 'debtors.archive', { id: gone.id, archived: false });
    expect((await call(backend, 'debtors.list', {})).map((d) => d.id).sort()).toEqual([kept.id, gone.id].sort());
  });

  it('lists customers alphabetically, ignoring accents and case', async () => {
    const { backend } = await withBackend();
    for (const name of ['zonnig', 'Özdemir', 'Bakker', 'Édouard', 'anker']) await createDebtor(backend, { name });
    expect((await call(backend, 'debtors.list', {})).map((d) => d.name)).toEqual(['anker', 'Bakker', 'Édouard', 'Özdemir', 'zonnig']);
  });

  it.each([
    ['debtors.update', { id: 999, debtor: aDebtor() }],
    ['debtors.archive', { id: 999, archived: true }],
    ['debtors.page', { id: 999 }],
  ])('%s of an unknown customer → not-found, nothing written', async (method, input) => {
    const { backend, databaseFile } = await withBackend();
    await createDebtor(backend);
    const before = dumpDatabase(databaseFile);
    const error = await failure(backend, method, input);
    expect(error).toMatchObject({ code: 'not-found', message: expect.stringMatching(/bestaat niet/) });
    expect(dumpDatabase(databaseFile)).toBe(before);
  });

  it('shows an empty debtor page for a customer without invoices', async () => {
    const { backend } = await withBackend();
    const debtor = await createDebtor(backend);
    expect(await call(backend, 'debtors.page', { id: debtor.id })).toEqual({
      debtor, summary: null, invoices: [], payments: [], credit: 0, timeline: [],
    });
  });
});
