import { z } from 'zod';
import { method } from '../define';

export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  databaseFile: string;
  today: string;
  /** True once the user chose demo data or entered their own business details. */
  started: boolean;
  demo: boolean;
  hasDebtors: boolean;
}

export const systemMethods = {
  'app.info': method<AppInfo>()(z.object({}).strict(), 'Version, data folder and whether the app has been set up.'),
};
