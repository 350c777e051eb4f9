import type { AppInfo } from '../../../shared/contract';
import type { Context } from '../context';
import { schemaVersion } from '../db/migrate';

export function appInfo(ctx: Context): AppInfo {
  const row = ctx.sqlite.prepare(`SELECT
      EXISTS (SELECT 1 FROM business) AS business,
      EXISTS (SELECT 1 FROM debtors) AS debtors,
      EXISTS (SELECT 1 FROM app_meta WHERE key = 'demo') AS demo`).get() as { business: number; debtors: number; demo: number };
  return {
    appVersion: ctx.appVersion,
    schemaVersion: schemaVersion(ctx.sqlite),
    dataDir: ctx.dataDir,
    databaseFile: ctx.databaseFile,
    today: ctx.today(),
    started: row.business === 1 || row.debtors === 1,
    demo: row.demo === 1,
    hasDebtors: row.debtors === 1,
  };
}
