import os from 'node:os';
import path from 'node:path';

export interface DoorArgs {
  dataDir: string;
  port?: number;
  today?: string;
  rest: string[];
}

/** Where a sole proprietor's ledger lives when nothing else is said: the OS's app-data folder. */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Openstaand');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Openstaand');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'openstaand');
}

/** `--data <folder>` (or OPENSTAAND_DATA_DIR), `--port <n>`, `--today yyyy-MM-dd`; the rest is returned. */
export function parseDoorArgs(argv: string[]): DoorArgs {
  const rest: string[] = [];
  let dataDir = process.env.OPENSTAAND_DATA_DIR || undefined;
  let port: number | undefined;
  let today: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--data') dataDir = value();
    else if (flag === '--port') {
      const p = Number(value());
      if (!Number.isInteger(p) || p < 0 || p > 65535) throw new Error(`--port verwacht een poortnummer (0–65535)`);
      port = p;
    } else if (flag === '--today') today = value();
    else rest.push(arg);
  }
  return { dataDir: path.resolve(dataDir ?? defaultDataDir()), port, today, rest };
}
