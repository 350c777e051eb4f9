import { ImportError } from './importError';
import type { BankStatement, Cents } from './types';

/** `€ 1.234,56` / `-€ 7,00`, for messages. */
export function euros(cents: Cents, language: 'nl' | 'en' = 'nl'): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, language === 'nl' ? '.' : ',');
  const rest = String(abs % 100).padStart(2, '0');
  return language === 'nl' ? `${sign}€ ${whole},${rest}` : `${sign}€${whole}.${rest}`;
}

/** Credits minus debits of the statement's lines. */
export const netMovement = (st: BankStatement): Cents =>
  st.transactions.reduce((n, t) => n + (t.direction === 'credit' ? t.amount : -t.amount), 0);

/**
 * Where a statement gives both an opening and a closing balance, opening + credits − debits must
 * equal closing; otherwise the file is incomplete or damaged and is refused.
 */
export function assertBalancesAddUp(st: BankStatement): void {
  const { openingBalance: open, closingBalance: close } = st;
  if (!open || !close) return;
  const name = st.statementId ? `afschrift ${st.statementId}` : 'het afschrift';
  const nameEn = st.statementId ? `statement ${st.statementId}` : 'the statement';
  const details = { statement: st.statementId ?? '', opening: open.amount, closing: close.amount, movement: netMovement(st) };
  for (const bal of [open, close]) {
    if (bal.currency && bal.currency !== st.currency) {
      throw new ImportError(
        'balance-mismatch',
        `De saldi van ${name} kloppen niet: een saldo staat in ${bal.currency}, de rekening in ${st.currency}. Het bestand wordt niet ingelezen.`,
        `The balances of ${nameEn} do not add up: a balance is in ${bal.currency} but the account is in ${st.currency}. The file is not imported.`,
        details,
      );
    }
  }
  const expected = open.amount + details.movement;
  if (expected !== close.amount) {
    throw new ImportError(
      'balance-mismatch',
      `De saldi van ${name} kloppen niet: beginsaldo ${euros(open.amount)} plus de ${st.transactions.length} regels (${euros(details.movement)}) is ${euros(expected)}, maar het eindsaldo is ${euros(close.amount)} (verschil ${euros(close.amount - expected)}). Het bestand is onvolledig of beschadigd en wordt niet ingelezen.`,
      `The balances of ${nameEn} do not add up: opening balance ${euros(open.amount, 'en')} plus the ${st.transactions.length} lines (${euros(details.movement, 'en')}) is ${euros(expected, 'en')}, but the closing balance is ${euros(close.amount, 'en')} (difference ${euros(close.amount - expected, 'en')}). The file is incomplete or damaged and is not imported.`,
      { ...details, difference: close.amount - expected },
    );
  }
}
