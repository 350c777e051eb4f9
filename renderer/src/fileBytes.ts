/**
 * Saves bytes the app made as a file: a download in the browser shell, Electron's save dialog in
 * the window. (An object URL: no data leaves the computer, and the CSP allows blob: for this.)
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  // Long enough for Electron's save dialog to take the bytes of a large file (a backup).
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A file the user chose, as base64 for the contract, in slices (a spread of 50 MB at once would overflow the stack). */
export async function readBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A file the backend produced (`FileBytes`: base64). */
export function downloadFile(file: { fileName: string; mimeType: string; dataBase64: string }): void {
  const bytes = Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0));
  downloadBlob(new Blob([bytes], { type: file.mimeType }), file.fileName);
}
