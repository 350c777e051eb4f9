import type { ApiError, InputOf, MethodName, OutputOf, Result } from '../../../shared/contract';

/** What the Electron preload puts on window: one function per contract method, nothing else. */
interface ElectronBridge {
  shell: 'electron';
  api: Record<string, (input: unknown) => Promise<Result<unknown>>>;
}

declare global {
  interface Window { openstaand?: ElectronBridge }
}

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** The message of a failed call (or any error), in the interface's language. */
export function errorText(e: unknown, language: 'nl' | 'en'): string {
  const error = (e as { error?: { message?: string; messageEn?: string } }).error;
  if (error) return language === 'en' && error.messageEn ? error.messageEn : error.message ?? String(e);
  return e instanceof Error ? e.message : String(e);
}

function secret(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="openstaand-secret"]')?.content ?? '';
}

async function overHttp(method: string, input: unknown): Promise<Result<unknown>> {
  const response = await fetch(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-openstaand-secret': secret() },
    body: JSON.stringify(input ?? {}),
  });
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `Geen antwoord van de server (${response.status}).` } };
  }
}

/** Calls a backend method through whichever door this page was opened by. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const bridge = window.openstaand;
  const result = bridge ? await bridge.api[method]!(input) : await overHttp(method, input);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value as OutputOf<M>;
}
