// The EPC QR code as an SVG string, built synchronously so that the letter builder stays pure.
import QRCode from 'qrcode';

/** EPC069-12: error correction M, version at most 13, payload at most 331 bytes. */
export const EPC_MAX_VERSION = 13;
export const EPC_MAX_BYTES = 331;
/** The quiet zone around the code, in modules (the QR standard asks for 4). */
export const QUIET_ZONE_MODULES = 4;

export interface QrSvg {
  svg: string;
  /** Modules per side, without the quiet zone. */
  modules: number;
  version: number;
}

/**
 * Encodes the payload as-is in one byte-mode segment (UTF-8), error correction level M, and draws
 * it as one SVG path (one rectangle per run of dark modules). The SVG's own units are modules; the
 * caller scales it.
 */
export function epcQrSvg(payload: string): QrSvg {
  const bytes = new TextEncoder().encode(payload);
  if (bytes.length > EPC_MAX_BYTES) {
    throw new Error(`EPC QR payload is ${bytes.length} bytes; EPC069-12 allows at most ${EPC_MAX_BYTES}.`);
  }
  const qr = QRCode.create([{ mode: 'byte', data: bytes }], { errorCorrectionLevel: 'M' });
  if (qr.version > EPC_MAX_VERSION) {
    throw new Error(`EPC QR code needs version ${qr.version}; EPC069-12 allows at most ${EPC_MAX_VERSION}.`);
  }
  const size = qr.modules.size;
  const data = qr.modules.data;
  const q = QUIET_ZONE_MODULES;
  let path = '';
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!data[row * size + col]) { col++; continue; }
      const start = col;
      while (col < size && data[row * size + col]) col++;
      path += `M${start + q} ${row + q}h${col - start}v1h${start - col}z`;
    }
  }
  const total = size + 2 * q;
  // No xmlns: svg-to-pdfkit does not need it, and the document definition then holds no URL at all.
  // A white square under the code keeps its quiet zone white on a tinted background.
  const svg = `<svg width="${total}" height="${total}" viewBox="0 0 ${total} ${total}">`
    + `<rect width="${total}" height="${total}" fill="#ffffff"/><path fill="#000000" d="${path}"/></svg>`;
  return { svg, modules: size, version: qr.version };
}
