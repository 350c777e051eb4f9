// Letter settings live in business.settings_json under the key "letters"; other keys of that JSON
// belong to other parts of the app and are kept as they are.
import type { LetterSettings } from '../../../shared/contract/methods/letters';
import { envelopeWindow, letterSettingsInput } from '../../../shared/contract/methods/letters';
import type { ParsedInputOf } from '../../../shared/contract';
import type { Context } from '../context';
import { AppError } from '../errors';
import { DEFAULT_WINDOW } from './layout';

const KEY = 'letters';

export const DEFAULT_FINAL_NOTICE_WORKING_DAYS = 5;
export const DEFAULT_REMINDER_DAYS = 7;

type Stored = Partial<Omit<LetterSettings, 'placeInUse'>>;

function readSettingsJson(ctx: Context): { json: Record<string, unknown>; city: string | null } {
  const row = ctx.sqlite.prepare('SELECT settings_json, city FROM business WHERE id = 1').get() as { settings_json: string; city: string } | undefined;
  if (!row) return { json: {}, city: null };
  let json: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(row.settings_json) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
  } catch {
    json = {};
  }
  return { json, city: row.city };
}

/** The letter settings with defaults filled in (DIN 5008 form B window, 5 working days, 7 days). */
export function getLetterSettings(ctx: Context): LetterSettings {
  const { json, city } = readSettingsJson(ctx);
  const stored = (json[KEY] && typeof json[KEY] === 'object' ? json[KEY] : {}) as Stored;
  const window = envelopeWindow.safeParse(stored.window);
  const int = (value: unknown, dflt: number, min: number, max: number) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : dflt;
  const place = typeof stored.place === 'string' && stored.place.trim() !== '' ? stored.place.trim() : null;
  return {
    window: window.success ? window.data : { ...DEFAULT_WINDOW },
    place,
    placeInUse: place ?? city ?? '',
    signatureName: typeof stored.signatureName === 'string' && stored.signatureName.trim() !== '' ? stored.signatureName.trim() : null,
    finalNoticeWorkingDays: int(stored.finalNoticeWorkingDays, DEFAULT_FINAL_NOTICE_WORKING_DAYS, 1, 30),
    reminderDays: int(stored.reminderDays, DEFAULT_REMINDER_DAYS, 1, 60),
    fourteenDayExtraDays: int(stored.fourteenDayExtraDays, 0, 0, 30),
  };
}

export function saveLetterSettings(ctx: Context, input: ParsedInputOf<'letters.saveSettings'>): LetterSettings {
  const parsed = letterSettingsInput.parse(input);
  const row = ctx.sqlite.prepare('SELECT 1 FROM business WHERE id = 1').get();
  if (!row) {
    throw new AppError('forbidden', 'Vul eerst je bedrijfsgegevens in; de briefinstellingen horen daarbij.', 'Enter your business details first.');
  }
  // Read-modify-write of one key, in one statement per step, inside the request queue (backend.ts).
  const { json } = readSettingsJson(ctx);
  json[KEY] = parsed;
  ctx.sqlite.prepare('UPDATE business SET settings_json = ? WHERE id = 1').run(JSON.stringify(json));
  return getLetterSettings(ctx);
}
