import { vi } from 'vitest';
import type { Sqlite } from '../../electron/core/db/connection';

export interface Executed { sql: string; params: unknown[] }

/**
 * Runs `fn` and returns every statement it executed on `sqlite`, with its bound parameters: what
 * the query-plan tests feed to EXPLAIN QUERY PLAN, so that they check the SQL the services really
 * run rather than a copy of it.
 */
export async function recordStatements(sqlite: Sqlite, fn: () => unknown): Promise<Executed[]> {
  const executed: Executed[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  const spy = vi.spyOn(sqlite, 'prepare').mockImplementation(((sql: string) => {
    const statement = prepare(sql) as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of ['all', 'get', 'run', 'iterate']) {
      const original = statement[name]!.bind(statement);
      statement[name] = (...params: unknown[]) => { executed.push({ sql, params }); return original(...params); };
    }
    return statement;
  }) as unknown as Sqlite['prepare']);
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return executed;
}
