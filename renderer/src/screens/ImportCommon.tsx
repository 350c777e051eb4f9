// Shared by the Importeren screen's parts (Import.tsx, ImportInvoices.tsx).
import { ApiFailure } from '../api/client';

export interface ChosenFile { fileName: string; dataBase64: string; extraFiles?: { fileName: string; dataBase64: string }[] }

/** The file's bytes as base64, in pieces (a spread of 50 MB at once would overflow the stack). */
export async function readBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The backend's message in the interface's language. */
export const errorText = (e: unknown, language: 'nl' | 'en') =>
  e instanceof ApiFailure ? (language === 'en' && e.error.messageEn ? e.error.messageEn : e.error.message) : e instanceof Error ? e.message : String(e);
