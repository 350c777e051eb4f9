import type { ImportRecord } from '../../../shared/contract';
import type { Context } from '../context';

/** Earlier imports, newest first (the Importeren screen's list). */
export function listImports(ctx: Context, limit: number): ImportRecord[] {
  const rows = ctx.sqlite.prepare('SELECT id, kind, file_name, sha256, imported_at, counts_json FROM imports ORDER BY id DESC LIMIT ?').all(limit) as
    { id: number; kind: ImportRecord['kind']; file_name: string; sha256: string; imported_at: string; counts_json: string }[];
  return rows.map((r) => ({ id: r.id, kind: r.kind, fileName: r.file_name, sha256: r.sha256, importedAt: r.imported_at, counts: JSON.parse(r.counts_json) as Record<string, number> }));
}
