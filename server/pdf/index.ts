// The PDF base: render a document with the embedded Unicode fonts, and the shared layout helpers.
export { renderPdf, PDF_FONTS, type PdfDoc, type PdfFont, type RenderPdfOptions } from './render';
export { heading, mutedText, table, ensureSpace, contentWidth, type PdfColumn, type PdfTableOptions } from './layout';
