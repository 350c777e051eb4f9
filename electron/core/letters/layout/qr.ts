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
 * it as one SVG path: the outline of the dark modules (see darkOutline). The SVG's own units are
 * modules; the caller scales it.
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
  const path = darkOutline(size, (row, col) => Boolean(data[row * size + col]), QUIET_ZONE_MODULES);
  const total = size + 2 * QUIET_ZONE_MODULES;
  // No xmlns: svg-to-pdfkit does not need it, and the document definition then holds no URL at all.
  // A white square under the code keeps its quiet zone white on a tinted background.
  const svg = `<svg width="${total}" height="${total}" viewBox="0 0 ${total} ${total}">`
    + `<rect width="${total}" height="${total}" fill="#ffffff"/><path fill="#000000" d="${path}"/></svg>`;
  return { svg, modules: size, version: qr.version };
}

/**
 * SVG path data for the dark cells of a size × size grid, offset by `offset` cells: every edge
 * between a dark cell and a light one (or the border), directed with the dark cell on its right
 * (clockwise around dark areas, y pointing down), joined into closed loops whose straight stretches
 * are single H/V commands. Filled with the nonzero rule (SVG's default) it covers exactly the dark
 * cells: the winding number is 1 in dark areas and 0 in light ones, holes included, however the
 * loops meet at corners. It draws the same as one rectangle per run of dark modules (pixel for
 * pixel), with about 40% fewer commands: svg-to-pdfkit's time grows with the number of commands,
 * and drawing the QR code was about a tenth of a letter's rendering time (issue 7).
 */
export function darkOutline(size: number, dark: (row: number, col: number) => boolean, offset = 0): string {
  const isDark = (row: number, col: number) => row >= 0 && col >= 0 && row < size && col < size && dark(row, col);
  // Vertices are numbered row * (size + 1) + col; per start vertex, the end vertices of its edges.
  const width = size + 1;
  const edges = new Map<number, number[]>();
  const edge = (fromCol: number, fromRow: number, toCol: number, toRow: number) => {
    const from = fromRow * width + fromCol;
    const list = edges.get(from);
    if (list) list.push(toRow * width + toCol);
    else edges.set(from, [toRow * width + toCol]);
  };
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!isDark(row, col)) continue;
      if (!isDark(row - 1, col)) edge(col, row, col + 1, row);
      if (!isDark(row, col + 1)) edge(col + 1, row, col + 1, row + 1);
      if (!isDark(row + 1, col)) edge(col + 1, row + 1, col, row + 1);
      if (!isDark(row, col - 1)) edge(col, row + 1, col, row);
    }
  }
  // Every vertex has as many edges in as out, so a walk from a vertex always comes back to it.
  let d = '';
  for (const [start, outgoing] of edges) {
    while (outgoing.length > 0) {
      d += `M${(start % width) + offset} ${Math.floor(start / width) + offset}`;
      let at = start;
      let next = outgoing.pop()!;
      let horizontal = Math.floor(next / width) === Math.floor(at / width);
      for (;;) {
        at = next;
        if (at === start) break;
        next = edges.get(at)!.pop()!;
        const turnsHere = (Math.floor(next / width) === Math.floor(at / width)) !== horizontal;
        if (turnsHere) {
          d += horizontal ? `H${(at % width) + offset}` : `V${Math.floor(at / width) + offset}`;
          horizontal = !horizontal;
        }
      }
      d += 'z';
    }
  }
  return d;
}
