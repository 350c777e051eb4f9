import type { Context } from '../context';

/**
 * Runs `fn` in one SQLite transaction: all of it is written, or (on any error) none of it.
 * Safe with async work inside because the backend runs one request at a time (backend.ts), so no
 * other request's statements can slip into this transaction. Nested calls join the outer one.
 */
export async function transaction<T>(ctx: Context, fn: () => Promise<T>): Promise<T> {
  if (ctx.sqlite.inTransaction) return fn();
  ctx.sqlite.exec('BEGIN IMMEDIATE');
  try {
    const result = await fn();
    ctx.sqlite.exec('COMMIT');
    return result;
  } catch (error) {
    if (ctx.sqlite.inTransaction) ctx.sqlite.exec('ROLLBACK');
    throw error;
  }
}
