// Showing, saving and printing a PDF that came from the backend as base64 bytes. The PDF is shown
// in an <iframe> from a blob: URL (the CSP allows frame-src blob:); printing prints that frame, which
// works the same in the browser shell and in the Electron window (no new windows needed).
import { useEffect, useMemo, useRef } from 'react';

export interface PdfBytes {
  fileName: string;
  dataBase64: string;
}

export function pdfBlob(file: PdfBytes): Blob {
  const bytes = Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'application/pdf' });
}

/** A blob: URL for the PDF, revoked when the file changes or the component goes away. */
export function usePdfUrl(file: PdfBytes | null): string | null {
  const url = useMemo(() => (file && file.dataBase64 ? URL.createObjectURL(pdfBlob(file)) : null), [file]);
  useEffect(() => () => { if (url) URL.revokeObjectURL(url); }, [url]);
  return url;
}

/** "Opslaan als PDF": a download of the exact bytes under their file name. */
export function downloadPdf(file: PdfBytes): void {
  const url = URL.createObjectURL(pdfBlob(file));
  const a = Object.assign(document.createElement('a'), { href: url, download: file.fileName });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Prints the PDF shown in `frame`; where a frame cannot print, opens the PDF to print from there. */
export function printPdf(frame: HTMLIFrameElement | null, url: string | null): void {
  try {
    if (!frame?.contentWindow) throw new Error('no frame');
    frame.contentWindow.focus();
    frame.contentWindow.print();
  } catch {
    if (url) window.open(url, '_blank', 'noopener');
  }
}

export function PdfFrame({ url, title, frameRef, testId }: { url: string; title: string; frameRef?: React.Ref<HTMLIFrameElement>; testId?: string }) {
  return (
    <iframe
      ref={frameRef}
      src={url}
      title={title}
      data-testid={testId ?? 'letter-pdf'}
      style={{ width: '100%', height: '78vh', minHeight: 480, border: '1px solid var(--line)', borderRadius: 8, background: '#fff' }}
    />
  );
}

/** The frame, its buttons (save, print) and their state, for any PDF. */
export function usePdfView(file: PdfBytes | null) {
  const url = usePdfUrl(file);
  const frame = useRef<HTMLIFrameElement>(null);
  return {
    url,
    frame,
    save: () => { if (file) downloadPdf(file); },
    print: () => printPdf(frame.current, url),
  };
}
