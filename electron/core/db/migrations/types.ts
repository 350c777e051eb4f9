import type { Sqlite } from '../connection';

/** One step of the schema. `up` runs inside a transaction together with the version bump. */
export interface Migration {
  version: number;
  name: string;
  up(db: Sqlite): void;
}
