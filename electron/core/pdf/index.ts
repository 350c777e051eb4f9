export { a4PageSetup, mm, noonUtc, PDF_COLORS, PDF_PRODUCER } from './page';
export { renderPdf } from './renderPdf';
export type { RenderPdfOptions } from './renderPdf';
export { resolveFontsDir, RESOURCES_DIR_ENV, ROBOTO_FILES } from './fonts';
