// Where the embedded fonts live. Development and tests: <repo>/resources/fonts, found by walking up
// from this module. The packaged app keeps its resources elsewhere and says where through
// OPENSTAAND_RESOURCES_DIR (the folder that holds fonts/).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Roboto (Apache-2.0): has €, ł, ş, ő and the rest of Latin Extended. */
export const ROBOTO_FILES = Object.freeze({
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
});

export const RESOURCES_DIR_ENV = 'OPENSTAAND_RESOURCES_DIR';

/**
 * The fonts folder: `$OPENSTAAND_RESOURCES_DIR/fonts` when the variable is set, else
 * `resources/fonts` in the first folder above this module that has one.
 */
export function resolveFontsDir(env: NodeJS.ProcessEnv = process.env, startDir?: string): string {
  const override = env[RESOURCES_DIR_ENV];
  if (override && override.trim() !== '') return path.resolve(override, 'fonts');
  const start = startDir ?? moduleDir();
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources', 'fonts');
    if (fs.existsSync(path.join(candidate, ROBOTO_FILES.normal))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`No resources/fonts folder with ${ROBOTO_FILES.normal} above ${start}; set ${RESOURCES_DIR_ENV}.`);
}

function moduleDir(): string {
  return path.dirname(fileURLToPath(import.meta.url));
}

/** True when `candidate` is `dir` itself or lies below it (both absolute, symlinks resolved). */
export function isInside(dir: string, candidate: string): boolean {
  const relative = path.relative(dir, candidate);
  if (relative === '') return true;
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
