// electron/core/db/schema.ts (the row types Kysely checks queries against) must describe the schema
// the migrations really build. Types vanish at run time, so this test asks the TypeScript checker
// what schema.ts declares and compares that with `PRAGMA table_info` of a freshly migrated
// database: every table and column, nullability, value type, the allowed values of CHECK (… IN …),
// and that a column typed Generated (optional on insert) really gets a value from SQLite.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';

const SCHEMA_TS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../electron/core/db/schema.ts');

type Affinity = 'INTEGER' | 'TEXT' | 'BLOB';

interface DeclaredColumn {
  nullable: boolean;
  /** Optional on insert (Kysely's Generated / ColumnType with `| undefined` on insert). */
  generated: boolean;
  affinities: Affinity[];
  /** The string literals of a union such as `'open' | 'kept'`; null for plain `string`/`number`. */
  literals: string[] | null;
}

interface RealColumn {
  nullable: boolean;
  /** SQLite fills it when an insert leaves it out: a DEFAULT, or the rowid alias `id INTEGER PRIMARY KEY`. */
  filledBySqlite: boolean;
  affinity: string;
  /** The quoted values of `CHECK (column IN ('a', 'b'))`, when the table has one. */
  allowed: string[] | null;
}

type Schema<C> = Map<string, Map<string, C>>;

function declaredSchema(): Schema<DeclaredColumn> {
  const program = ts.createProgram([SCHEMA_TS], {
    strict: true, noEmit: true, skipLibCheck: true, types: [],
    target: ts.ScriptTarget.ES2023, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const source = program.getSourceFile(SCHEMA_TS)!;
  // An unresolved `kysely` import would make every Generated column `any` and the checks below vacuous.
  const problems = program.getSemanticDiagnostics(source).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  if (problems.length) throw new Error(`schema.ts does not type-check on its own:\n${problems.join('\n')}`);
  const checker = program.getTypeChecker();
  const dbDecl = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'DB');
  if (!dbDecl) throw new Error('schema.ts has no interface DB');

  const typeOf = (symbol: ts.Symbol) => checker.getTypeOfSymbolAtLocation(symbol, dbDecl);
  const members = (type: ts.Type) => (type.isUnion() ? type.types : [type]);
  const schema: Schema<DeclaredColumn> = new Map();
  for (const table of checker.getTypeAtLocation(dbDecl).getProperties()) {
    const columns = new Map<string, DeclaredColumn>();
    for (const column of typeOf(table).getProperties()) {
      const type = typeOf(column);
      // Kysely's ColumnType<Select, Insert, Update> is an object with phantom __select__/__insert__ fields.
      const phantom = (name: string) => type.getProperty(name);
      const select = phantom('__select__') ? typeOf(phantom('__select__')!) : type;
      const insert = phantom('__insert__') ? typeOf(phantom('__insert__')!) : type;
      const values = members(select).filter((t) => !(t.flags & ts.TypeFlags.Null));
      const affinities = new Set<Affinity>();
      for (const t of values) {
        if (t.flags & ts.TypeFlags.NumberLike) affinities.add('INTEGER');
        else if (t.flags & ts.TypeFlags.StringLike) affinities.add('TEXT');
        else if (t.getSymbol()?.name === 'Uint8Array') affinities.add('BLOB');
        else throw new Error(`${table.name}.${column.name}: cannot map ${checker.typeToString(t)} to a SQLite type`);
      }
      columns.set(column.name, {
        nullable: members(select).some((t) => t.flags & ts.TypeFlags.Null),
        generated: members(insert).some((t) => t.flags & ts.TypeFlags.Undefined),
        affinities: [...affinities],
        literals: values.every((t) => t.isStringLiteral()) ? values.map((t) => (t as ts.StringLiteralType).value).sort() : null,
      });
    }
    schema.set(table.name, columns);
  }
  return schema;
}

async function realSchema(): Promise<Schema<RealColumn>> {
  const db = new Database(':memory:');
  try {
    await migrate(db);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").all() as { name: string; sql: string }[];
    const schema: Schema<RealColumn> = new Map();
    for (const { name, sql } of tables) {
      const info = db.prepare(`PRAGMA table_info(${name})`).all() as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
      const rowidAlias = info.filter((c) => c.pk > 0).length === 1 && !/WITHOUT ROWID/i.test(sql) ? info.find((c) => c.pk === 1 && c.type === 'INTEGER')?.name : undefined;
      const columns = new Map<string, RealColumn>();
      for (const c of info) {
        const inList = new RegExp(`\\b${c.name}\\s+IN\\s*\\(([^)]*'[^)]*)\\)`, 'i').exec(sql);
        columns.set(c.name, {
          // SQLite's old quirk lets a non-INTEGER primary key of a rowid table hold NULL (table_info
          // says nullable); the app never writes one there, so such a key counts as NOT NULL.
          nullable: c.notnull === 0 && c.pk === 0,
          filledBySqlite: c.dflt_value !== null || c.name === rowidAlias,
          affinity: c.type,
          allowed: inList ? [...inList[1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!).sort() : null,
        });
      }
      schema.set(name, columns);
    }
    return schema;
  } finally {
    db.close();
  }
}

let declared: Schema<DeclaredColumn>;
let real: Schema<RealColumn>;
beforeAll(async () => {
  declared = declaredSchema();
  real = await realSchema();
});

/** Every column both sides know, as `table.column`, with both descriptions. */
function shared(): { at: string; d: DeclaredColumn; r: RealColumn }[] {
  return [...real].flatMap(([table, columns]) => [...columns].flatMap(([column, r]) => {
    const d = declared.get(table)?.get(column);
    return d ? [{ at: `${table}.${column}`, d, r }] : [];
  }));
}

describe('schema.ts against the migrated database', () => {
  it('declares exactly the tables the migrations create', () => {
    expect([...declared.keys()].sort()).toEqual([...real.keys()].sort());
    expect(real.size).toBeGreaterThan(15); // guards against comparing two empty lists
  });

  it('declares exactly the columns of every table', () => {
    const missing = [...real].flatMap(([t, cols]) => [...cols.keys()].filter((c) => !declared.get(t)?.has(c)).map((c) => `${t}.${c}`));
    const extra = [...declared].flatMap(([t, cols]) => [...cols.keys()].filter((c) => real.has(t) && !real.get(t)!.has(c)).map((c) => `${t}.${c}`));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('types a column nullable exactly when SQLite allows NULL in it', () => {
    const wrong = shared().filter(({ d, r }) => d.nullable !== r.nullable).map(({ at, r }) => `${at} should ${r.nullable ? '' : 'not '}be nullable`);
    expect(wrong).toEqual([]);
  });

  it('gives every column the value type of its SQLite type (INTEGER: number, TEXT: string, BLOB: Uint8Array)', () => {
    const wrong = shared().filter(({ d, r }) => d.affinities.length !== 1 || d.affinities[0] !== r.affinity).map(({ at, d, r }) => `${at}: ${d.affinities.join('|')} for ${r.affinity}`);
    expect(wrong).toEqual([]);
  });

  it('lists exactly the values a CHECK (… IN …) allows, as a union of literals', () => {
    const wrong = shared()
      .filter(({ d, r }) => r.affinity === 'TEXT' && JSON.stringify(d.literals) !== JSON.stringify(r.allowed))
      .map(({ at, d, r }) => `${at}: declared ${JSON.stringify(d.literals)}, CHECK allows ${JSON.stringify(r.allowed)}`);
    expect(wrong).toEqual([]);
  });

  it('marks a column Generated only when SQLite fills it in (a DEFAULT or the rowid id)', () => {
    const wrong = shared().filter(({ d, r }) => d.generated && !d.nullable && !r.filledBySqlite).map(({ at }) => at);
    expect(wrong).toEqual([]);
  });
});
