export { PDF_PRODUCER, renderPdf } from './renderPdf';
export type { RenderPdfOptions } from './renderPdf';
export { resolveFontsDir, RESOURCES_DIR_ENV, ROBOTO_FILES } from './fonts';
