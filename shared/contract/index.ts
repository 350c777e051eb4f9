import type { z } from 'zod';
import type { MethodSpec } from './define';
import { backupMethods } from './methods/backup';
import { lawMethods } from './methods/law';
import { letterMethods } from './methods/letters';
import { ledgerMethods } from './methods/ledger';
import { systemMethods } from './methods/system';
import { handoverMethods } from './methods/handover';
import { insightsMethods } from './methods/insights';
import { workflowMethods } from './methods/workflow';
import { importsMethods } from './methods/imports';
import { arrangementMethods } from './methods/arrangements';

export type { ApiError, ErrorCode, Result } from './result';
export type { MethodSpec } from './define';
export type { AppInfo } from './methods/system';
export type { DebtorPage, DemoSummary, FileBytes } from './methods/ledger';
export type { InterestCalculation, InterestKind, RateRow } from './methods/law';
export type {
  BatchResult, LetterCheck, LetterKind, LetterOptions, LetterPreview, LetterRequest, LetterSettings, LetterSummary, LimitationRow, PdfFile,
  ProducedLetter, RegisteredResult, StoredLetter, StoredLetterFile,
} from './methods/letters';
export type { Agency, DossierFile, Handover, HandoverCheck, HandoverCheckItem, HandoverUpdate, HandoverUpdateKind, TermsFile, TermsKind } from './methods/handover';
export type {
  AgingSnapshot, CustomerInsight, DebtorInsights, DsoFigure, InsightTable, InsightsPage, NudgeEffect, PaymentStep, Rating, RatingCode, RatingReason,
  StepEffect, Suggestion, SuggestionKind,
} from './methods/insights';
export type { DebtorPauseState, DebtorWorkflow, InvoiceFlags, TemplateSample } from './methods/workflow';
export type {
  BankConfidence, BankImportAllocation, BankImportCounts, BankImportLine, BankImportPreview, BankLineKind, CsvMappingView, CustomerMatch, ImportKind, ImportRecord,
  ImportResult, InvoiceColumnMapping, InvoiceFieldName, InvoiceImportCounts, InvoiceImportPreview, InvoiceImportRow, InvoiceImportStatus, OpenInvoiceChoice,
} from './methods/imports';
export { INVOICE_FIELDS, MAX_IMPORT_FILE_BYTES } from './methods/imports';
export type { BackupDownload, BackupFile, BackupKind, BackupStatus, ForgetSummary, IntegrityReport, MoveExport, MoveManifest, RestoreSummary } from './methods/backup';

const groups = [systemMethods, ledgerMethods, lawMethods, letterMethods, backupMethods, handoverMethods, insightsMethods, workflowMethods, importsMethods, arrangementMethods];
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
  ...letterMethods,
  ...backupMethods,
  ...handoverMethods,
  ...insightsMethods,
  ...workflowMethods,
  ...importsMethods,
  ...arrangementMethods,
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
