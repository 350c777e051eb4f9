/** Saves bytes (base64) as a file: the browser shell downloads it, Electron shows its save dialog. */
export function downloadBase64(file: { fileName: string; dataBase64: string }, mimeType: string): void {
  const bytes = Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = Object.assign(document.createElement('a'), { href: url, download: file.fileName });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies text to the clipboard; falls back to a hidden text area where the Clipboard API is refused. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = Object.assign(document.createElement('textarea'), { value: text });
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

/** The message of an error from the api client, in the interface's language. */
export function errorText(e: unknown, language: 'nl' | 'en'): string {
  const error = (e as { error?: { message?: string; messageEn?: string } }).error;
  if (error) return language === 'en' && error.messageEn ? error.messageEn : error.message ?? String(e);
  return e instanceof Error ? e.message : String(e);
}
