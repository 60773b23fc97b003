import type { PdfDoc, PdfFont } from './render';

// Small layout helpers shared by the PDF documents (production sheet, statements): a heading,
// a line of muted text, and a table whose rows break onto new pages with the header repeated.

const MUTED = '#555555';
const RULE = '#bbbbbb';

export function heading(doc: PdfDoc, text: string, size = 16): void {
  doc.font('bold').fontSize(size).fillColor('black').text(text, doc.page.margins.left, doc.y);
  doc.moveDown(0.3);
  doc.font('regular');
}

export function mutedText(doc: PdfDoc, text: string, size = 9): void {
  doc.font('regular').fontSize(size).fillColor(MUTED).text(text, doc.page.margins.left, doc.y);
  doc.fillColor('black');
}

export interface PdfColumn {
  header: string;
  /** Share of the usable width (relative to the other columns' weights). */
  weight: number;
  align?: 'left' | 'right';
}

export interface PdfTableOptions {
  fontSize?: number;
  /** Cells of a row in bold (e.g. a totals row). */
  boldRow?: (index: number) => boolean;
}

/** Usable width between the page margins. */
export function contentWidth(doc: PdfDoc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new page when fewer than `height` points are left above the bottom margin. */
export function ensureSpace(doc: PdfDoc, height: number): boolean {
  if (doc.y + height <= doc.page.height - doc.page.margins.bottom) return false;
  doc.addPage();
  return true;
}

function columnXs(doc: PdfDoc, columns: readonly PdfColumn[]): { x: number; width: number }[] {
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  let x = doc.page.margins.left;
  return columns.map((c) => {
    const width = (contentWidth(doc) * c.weight) / total;
    const cell = { x, width };
    x += width;
    return cell;
  });
}

const PADDING = 3;

function rowHeight(doc: PdfDoc, xs: readonly { width: number }[], cells: readonly string[], font: PdfFont, fontSize: number): number {
  doc.font(font).fontSize(fontSize);
  return Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: xs[i]!.width - 2 * PADDING }))) + 2 * PADDING;
}

function drawRow(doc: PdfDoc, columns: readonly PdfColumn[], cells: readonly string[], font: PdfFont, fontSize: number, height: number): void {
  const xs = columnXs(doc, columns);
  doc.font(font).fontSize(fontSize).fillColor('black');
  const top = doc.y;
  cells.forEach((cell, i) => {
    doc.text(cell, xs[i]!.x + PADDING, top + PADDING, { width: xs[i]!.width - 2 * PADDING, align: columns[i]!.align ?? 'left' });
  });
  const bottom = top + height;
  doc
    .moveTo(doc.page.margins.left, bottom)
    .lineTo(doc.page.margins.left + contentWidth(doc), bottom)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  doc.x = doc.page.margins.left;
  doc.y = bottom;
}

/**
 * A table: a bold header row, then one row per entry; a row that does not fit starts a new
 * page, which repeats the header.
 */
export function table(
  doc: PdfDoc,
  columns: readonly PdfColumn[],
  rows: readonly (readonly string[])[],
  options: PdfTableOptions = {},
): void {
  const fontSize = options.fontSize ?? 9;
  const xs = columnXs(doc, columns);
  const header = columns.map((c) => c.header);
  const headerHeight = rowHeight(doc, xs, header, 'bold', fontSize);
  // The header never sits alone at the bottom of a page.
  ensureSpace(doc, headerHeight * 2);
  drawRow(doc, columns, header, 'bold', fontSize, headerHeight);
  rows.forEach((row, index) => {
    const font: PdfFont = options.boldRow?.(index) ? 'bold' : 'regular';
    const height = rowHeight(doc, xs, row, font, fontSize);
    if (ensureSpace(doc, height)) drawRow(doc, columns, header, 'bold', fontSize, headerHeight);
    drawRow(doc, columns, row, font, fontSize, height);
  });
  doc.font('regular').fillColor('black');
  doc.moveDown(0.5);
}
