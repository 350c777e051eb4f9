import type { z } from 'zod';
import type { MethodSpec } from './define';
import { lawMethods } from './methods/law';
import { ledgerMethods } from './methods/ledger';
import { systemMethods } from './methods/system';

export type { ApiError, ErrorCode, Result } from './result';
export type { MethodSpec } from './define';
export type { AppInfo } from './methods/system';
export type { DebtorPage, DemoSummary, FileBytes } from './methods/ledger';
export type { InterestCalculation, InterestKind, RateRow } from './methods/law';

const groups = [systemMethods, ledgerMethods, lawMethods];
// Spreading would let a later group silently replace a method of an earlier one.
const seen = new Set<string>();
for (const name of groups.flatMap((g) => Object.keys(g))) {
  if (seen.has(name)) throw new Error(`Method ${name} is declared twice in the contract`);
  seen.add(name);
}

/** Every backend method, declared once. Adding a domain: add its group above and spread it here. */
export const contract = {
  ...systemMethods,
  ...ledgerMethods,
  ...lawMethods,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The name of the IPC channel (Electron) of a method; the browser shell uses `POST /api/<method>`. */
export const ipcChannel = (name: MethodName) => `openstaand:${name}`;

/** Upper bound for one request body (files travel as base64 inside it). */
export const MAX_REQUEST_BYTES = 80 * 1024 * 1024;
