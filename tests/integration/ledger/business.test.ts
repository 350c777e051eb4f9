import { describe, expect, it } from 'vitest';
import { attempt, call, dumpDatabase, failure, withBackend } from '../../helpers/backend';
import { aBusiness } from '../../helpers/ledger';

describe('business.save / business.get', () => {
  it('has no business details before the user enters them', async () => {
    const { backend } = await withBackend();
    expect(await call(backend, 'business.get', {})).toBeNull();
  });

  it('stores the details and gives them back, normalised and with defaults', async () => {
    const { backend } = await withBackend();
    const saved = await call(backend, 'business.save', aBusiness({
      name: '  Ontwerpstudio Noor  ', postcode: '3511ax', iban: ' nl91 abna 0417 1643 00 ', kvk: '1234 5678',
      vatId: 'nl 0000.99998.b57', email: ' noor@ontwerpstudio.nl ', contactName: '',
    }));
    expect(saved).toMatchObject({
      name: 'Ontwerpstudio Noor', postcode: '3511 AX', iban: 'NL91 ABNA 0417 1643 00', kvk: '12345678',
      vatId: 'NL000099998B57', email: 'noor@ontwerpstudio.nl', contactName: null, country: 'NL',
      paymentTermDays: 30, canDeductVat: true, letterLanguage: 'nl',
    });
    expect(await call(backend, 'business.get', {})).toEqual(saved);
  });

  it('keeps one business: a second save replaces the first', async () => {
    const { backend, databaseFile } = await withBackend();
    await call(backend, 'business.save', aBusiness({ name: 'Eerste naam' }));
    await call(backend, 'business.save', aBusiness({ name: 'Tweede naam', paymentTermDays: 14 }));
    expect(await call(backend, 'business.get', {})).toMatchObject({ name: 'Tweede naam', paymentTermDays: 14 });
    expect(dumpDatabase(databaseFile)).toMatch(/== business \(1\)/);
  });
});

describe('business.save refuses what would end up wrong on a letter, with a Dutch message per field', () => {
  it.each([
    ['an IBAN with a wrong check digit', { iban: 'NL91ABNA0417164301' }, 'iban', /IBAN klopt niet/],
    ['no IBAN at all', { iban: '' }, 'iban', /Vul je IBAN in/],
    ['a KvK number of 7 digits', { kvk: '1234567' }, 'kvk', /8 cijfers/],
    ['a KvK number of 9 digits', { kvk: '123456789' }, 'kvk', /8 cijfers/],
    ['a KvK number with letters', { kvk: '1234567A' }, 'kvk', /8 cijfers/],
    ['a btw-id that fails both checks', { vatId: 'NL123456789B90' }, 'vatId', /btw-id klopt niet/],
    ['a postcode starting with 0', { postcode: '0123 AB' }, 'postcode', /1234 AB/],
    ['a postcode with letters SS', { postcode: '1234 SS' }, 'postcode', /1234 AB/],
    ['an e-mail address without a domain', { email: 'noor@' }, 'email', /e-mailadres klopt niet/],
    ['an e-mail address with a space', { email: 'noor @studio.nl' }, 'email', /e-mailadres klopt niet/],
    ['an empty name', { name: '   ' }, 'name', /naam van je bedrijf/],
  ])('%s', async (_rule, override, field, message) => {
    const { backend, databaseFile } = await withBackend();
    const before = dumpDatabase(databaseFile);
    const error = await failure(backend, 'business.save', aBusiness(override));
    expect(error.code).toBe('invalid-input');
    expect(error.fields?.[field]).toMatch(message);
    expect(error.message).toContain(field);
    expect(dumpDatabase(databaseFile)).toBe(before);
  });

  it('accepts a valid btw-id of an eenmanszaak (mod 97), a foreign postcode abroad and empty optional fields', async () => {
    const { backend } = await withBackend();
    const result = await attempt(backend, 'business.save', aBusiness({ vatId: 'NL000099998B57', kvk: '', email: '' }));
    expect(result).toMatchObject({ ok: true, value: { vatId: 'NL000099998B57', kvk: null, email: null } });
    const abroad = await call(backend, 'business.save', aBusiness({ country: 'be', postcode: '1000' }));
    expect(abroad).toMatchObject({ country: 'BE', postcode: '1000' });
  });

  it('reports every wrong field at once', async () => {
    const { backend } = await withBackend();
    const error = await failure(backend, 'business.save', aBusiness({ iban: 'NL91ABNA0417164301', kvk: '123', postcode: '0123 AB' }));
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['iban', 'kvk', 'postcode']);
  });

  it('refuses a payment term of more than a year', async () => {
    const { backend } = await withBackend();
    const error = await failure(backend, 'business.save', aBusiness({ paymentTermDays: 400 }));
    expect(error.code).toBe('invalid-input');
    expect(error.fields?.paymentTermDays).toMatch(/meer dan een jaar/);
  });
});
