/**
 * A chart as a PNG: the chart's own canvas (bars, axes and legend are drawn in it) on a white
 * background with its title above, at the canvas's full (device-pixel) resolution.
 */
export function chartPng(canvas: HTMLCanvasElement, title: string): Promise<Blob> {
  const scale = canvas.clientWidth ? canvas.width / canvas.clientWidth : 1;
  const pad = Math.round(16 * scale);
  const titleHeight = Math.round(30 * scale);
  const out = document.createElement('canvas');
  out.width = canvas.width + 2 * pad;
  out.height = canvas.height + titleHeight + 2 * pad;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#1f2933';
  ctx.font = `600 ${Math.round(16 * scale)}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;
  ctx.textBaseline = 'top';
  ctx.fillText(title, pad, pad);
  ctx.drawImage(canvas, pad, pad + titleHeight);
  return new Promise((resolve, reject) => out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG could not be made'))), 'image/png'));
}
