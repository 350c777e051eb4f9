// Shared by the import tests: where the sample files are, and how to expect an ImportError.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ImportError, type ImportErrorCode } from '../../../electron/core/imports/importError';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The public sample files: the folder `shared/` beside the repository (not the repo's own shared/). */
export const FIXTURES = path.resolve(here, '../../../../shared/fixtures');
/** Files written for these tests (anonymised, realistic). */
export const SAMPLES = path.resolve(here, 'samples');

export const fixture = (relative: string) => new Uint8Array(readFileSync(path.join(FIXTURES, relative)));
export const sample = (name: string) => new Uint8Array(readFileSync(path.join(SAMPLES, name)));
export const fixtureText = (relative: string) => readFileSync(path.join(FIXTURES, relative), 'utf8');

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** Runs `fn`, expects an ImportError with this code, and returns it for more checks. */
export function expectImportError(fn: () => unknown, code: ImportErrorCode): ImportError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ImportError "${code}"`).toBeInstanceOf(ImportError);
  const err = caught as ImportError;
  expect(err.code, err.message).toBe(code);
  expect(err.message.length).toBeGreaterThan(10);
  expect(err.messageEn.length).toBeGreaterThan(10);
  return err;
}
