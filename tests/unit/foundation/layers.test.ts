// The layer rules, checked by a plain scan of every import (eslint.config.js checks the same with
// no-restricted-imports; this catches a rule switched off there). Each layer imports only from the
// layers below it:
//   shared/         pure TypeScript: no Node, no Electron, nothing from electron/ or renderer/
//   electron/core/  the backend: no Electron, none of the doors above it (main, preload, web, cli)
//   renderer/       a sandboxed page: nothing from electron/, no Node built-ins
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface SourceFile {
  /** Repository-relative, with forward slashes: `electron/core/backend.ts`. */
  file: string;
  text: string;
}

interface Violation { file: string; specifier: string; rule: string }

interface ImportRef {
  specifier: string;
  /** A package or built-in name (`zod`, `node:fs`, `electron`), or null for a relative import. */
  bare: string | null;
  /** For a relative import: the repository-relative path it points at, without extension. */
  target: string | null;
}

/** Every module specifier of a file: import, import type, export … from, side-effect import, require(), import(). */
function importsOf(source: SourceFile): ImportRef[] {
  return ts.preProcessFile(source.text, true, true).importedFiles.map(({ fileName: specifier }) => {
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
      return { specifier, bare: null, target: path.posix.normalize(path.posix.join(path.posix.dirname(source.file), specifier)) };
    }
    return { specifier, bare: specifier, target: null };
  });
}

const LISTED_BUILTINS = ['fs', 'path', 'crypto', 'os', 'http', 'child_process', 'buffer', 'stream', 'url', 'util', 'zlib', 'events', 'worker_threads'];
const NODE_BUILTINS = new Set([...LISTED_BUILTINS, ...builtinModules.filter((m) => !m.startsWith('_'))]);

const isNodeBuiltin = (ref: ImportRef) =>
  ref.bare !== null && (ref.bare.startsWith('node:') || NODE_BUILTINS.has(ref.bare.split('/')[0]!));
const isElectron = (ref: ImportRef) => ref.bare === 'electron' || (ref.bare?.startsWith('electron/') ?? false);
const under = (dir: string) => (ref: ImportRef) => ref.target !== null && (ref.target === dir || ref.target.startsWith(`${dir}/`));
const inDir = (dir: string) => (file: string) => file.startsWith(`${dir}/`);

interface Rule { name: string; appliesTo: (file: string) => boolean; forbids: (ref: ImportRef) => boolean }

const RULES: Rule[] = [
  { name: 'electron/core/ and shared/ never import electron', appliesTo: (f) => inDir('electron/core')(f) || inDir('shared')(f), forbids: isElectron },
  { name: 'shared/ imports no Node built-ins', appliesTo: inDir('shared'), forbids: isNodeBuiltin },
  { name: 'shared/ imports nothing from electron/ or renderer/', appliesTo: inDir('shared'), forbids: (r) => under('electron')(r) || under('renderer')(r) },
  {
    name: 'electron/core/ imports nothing from electron/main, preload, web, cli or renderer/',
    appliesTo: inDir('electron/core'),
    forbids: (r) => ['electron/main', 'electron/preload', 'electron/web', 'electron/cli', 'renderer'].some((d) => under(d)(r)),
  },
  { name: 'renderer/ never imports from electron/', appliesTo: inDir('renderer'), forbids: (r) => isElectron(r) || under('electron')(r) },
  { name: 'renderer/ imports no Node built-ins', appliesTo: inDir('renderer'), forbids: isNodeBuiltin },
];

function layerViolations(files: SourceFile[], rules: Rule[] = RULES): Violation[] {
  const violations: Violation[] = [];
  for (const source of files) {
    const refs = importsOf(source);
    for (const rule of rules.filter((r) => r.appliesTo(source.file))) {
      for (const ref of refs.filter(rule.forbids)) violations.push({ file: source.file, specifier: ref.specifier, rule: rule.name });
    }
  }
  return violations;
}

const describeViolations = (violations: Violation[]) =>
  violations.map((v) => `${v.file}: imports '${v.specifier}' — ${v.rule}`).join('\n');

function sourceFiles(dir: string): SourceFile[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return (fs.readdirSync(abs, { recursive: true, encoding: 'utf8' }))
    .filter((f) => /\.[cm]?tsx?$/.test(f) && !f.split(path.sep).includes('node_modules'))
    .map((f) => {
      const file = path.posix.join(dir, f.split(path.sep).join('/'));
      return { file, text: fs.readFileSync(path.join(root, file), 'utf8') };
    });
}

describe('layer rules', () => {
  const files = [...sourceFiles('shared'), ...sourceFiles('electron'), ...sourceFiles('renderer')];

  it('scans the real source tree', () => {
    expect(files.filter((f) => f.file.startsWith('shared/')).length).toBeGreaterThan(10);
    expect(files.filter((f) => f.file.startsWith('electron/core/')).length).toBeGreaterThan(10);
    expect(files.some((f) => f.file === 'electron/core/backend.ts')).toBe(true);
  });

  for (const rule of RULES) {
    it(rule.name, () => {
      const violations = layerViolations(files, [rule]);
      expect(violations, `\n${describeViolations(violations)}`).toEqual([]);
    });
  }
});

describe('the layer scanner itself', () => {
  const fake = (file: string, text: string): SourceFile => ({ file, text });

  it('finds every kind of import, and nothing in comments or strings', () => {
    const refs = importsOf(fake('shared/domain/x.ts', `
      import a from 'a'; import type { B } from "b"; export * from './c'; export { d } from '../d';
      import './side'; const e = require('e'); const f = await import('f');
      // import g from 'g'
      /* import('h') */
      const s = "import i from 'i'";
    `));
    expect(refs.map((r) => r.specifier)).toEqual(['a', 'b', './c', '../d', './side', 'e', 'f']);
    expect(refs.find((r) => r.specifier === '../d')!.target).toBe('shared/d');
  });

  it('reports each violation with its file and specifier (so the rules can fail)', () => {
    const violations = layerViolations([
      fake('shared/domain/bad.ts', "import { readFileSync } from 'node:fs';\nimport path from 'path';\nimport { app } from 'electron';\nimport { x } from '../../electron/core/backend';\nexport * from '../../renderer/src/App';"),
      fake('shared/law/ok.ts', "import { z } from 'zod';\nimport { parseISO } from 'date-fns';\nimport { formatCents } from '../domain/money';"),
      fake('electron/core/ledger/bad.ts', "import { ipcMain } from 'electron';\nimport { startWebServer } from '../../web/server';\nconst m = await import('../../main/index');\nconst c = require('../../cli/main');\nimport type { X } from '../../preload/index';"),
      fake('electron/core/ledger/ok.ts', "import fs from 'node:fs';\nimport { contract } from '../../../shared/contract';\nimport { openSqlite } from '../db/connection';"),
      fake('electron/web/ok.ts', "import { createBackend } from '../core/backend';\nimport http from 'node:http';"),
      fake('renderer/src/bad.tsx', "import { ipcRenderer } from 'electron';\nimport type { Backend } from '../../electron/core/backend';\nimport { createHash } from 'crypto';\nimport fsp from 'fs/promises';"),
      fake('renderer/src/ok.tsx', "import { useState } from 'react';\nimport { contract } from '../../shared/contract';"),
    ]);
    expect(violations.map((v) => `${v.file} ${v.specifier}`).sort()).toEqual([
      'electron/core/ledger/bad.ts ../../cli/main',
      'electron/core/ledger/bad.ts ../../main/index',
      'electron/core/ledger/bad.ts ../../preload/index',
      'electron/core/ledger/bad.ts ../../web/server',
      'electron/core/ledger/bad.ts electron',
      'renderer/src/bad.tsx ../../electron/core/backend',
      'renderer/src/bad.tsx crypto',
      'renderer/src/bad.tsx electron',
      'renderer/src/bad.tsx fs/promises',
      'shared/domain/bad.ts ../../electron/core/backend',
      'shared/domain/bad.ts ../../renderer/src/App',
      'shared/domain/bad.ts electron',
      'shared/domain/bad.ts node:fs',
      'shared/domain/bad.ts path',
    ]);
    expect(describeViolations(violations)).toContain("shared/domain/bad.ts: imports 'node:fs' — shared/ imports no Node built-ins");
  });
});
