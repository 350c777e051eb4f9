import type { z } from 'zod';

/**
 * One backend method: its input schema (validated at every door) and, as a phantom type, its
 * output. Declared once here; the Electron shell, the browser shell, the command line and the
 * renderer's client all derive from it.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  summary: string;
  /** Present only in the type: the method's output. */
  readonly __output?: O;
}

/** `method<Output>()(inputSchema, 'what it does')` — the output type is given, the input inferred. */
export const method =
  <O>() =>
  <I extends z.ZodType>(input: I, summary: string): MethodSpec<I, O> => ({ input, summary });
