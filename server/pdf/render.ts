import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/** A pdfkit document, as handed to a `draw` function. */
export type PdfDoc = PDFKit.PDFDocument;

/**
 * DejaVu Sans (from the `dejavu-fonts-ttf` package) covers Latin Extended, Greek and Cyrillic,
 * so names such as "Łódź Żółć" print as written; pdfkit's built-in Helvetica has WinAnsi only.
 * Read by path relative to the project root, which is the same under vitest, tsx scripts and
 * the Next server (next.config traces the files into the build output).
 */
const FONT_DIR = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
export const PDF_FONTS = {
  regular: path.join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
} as const;
export type PdfFont = keyof typeof PDF_FONTS;

// Read once per process; each document embeds the subset it uses.
let fontData: Record<PdfFont, Buffer> | undefined;
function fonts(): Record<PdfFont, Buffer> {
  fontData ??= { regular: readFileSync(PDF_FONTS.regular), bold: readFileSync(PDF_FONTS.bold) };
  return fontData;
}

export interface RenderPdfOptions {
  /** Document title (PDF metadata). */
  title?: string;
  layout?: 'portrait' | 'landscape';
}

/**
 * Draws one A4 document and returns its bytes. `draw` writes with the document's own API and
 * the helpers beside this module; the fonts `regular` and `bold` are registered (subset and
 * embedded, so the file prints the same everywhere).
 */
export async function renderPdf(draw: (doc: PdfDoc) => void | Promise<void>, options: RenderPdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin: 40,
    // No default font: pdfkit would load its standard (AFM) Helvetica, which has no "Ł". The
    // registered names are then the only font keys, so each TTF is parsed once per document
    // (a default font of the same file made pdfkit re-parse it on every font switch).
    font: '',
    autoFirstPage: false,
    info: { Title: options.title ?? 'ChefOps', Creator: 'ChefOps' },
    bufferPages: true,
  });
  const data = fonts();
  doc.registerFont('regular', data.regular);
  doc.registerFont('bold', data.bold);
  doc.font('regular');
  doc.addPage();

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    await draw(doc);
  } finally {
    doc.end();
  }
  return done;
}
