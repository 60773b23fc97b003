import { describe, expect, it } from 'vitest';
import { pdfText } from '@/tests/support/pdf-text';
import { heading, mutedText, renderPdf, table } from '@/server/pdf';

// Parsing the PDF back (pdf.js) takes seconds on a loaded machine.
describe('renderPdf', { timeout: 30_000 }, () => {
  it('writes a PDF whose text keeps Polish and other Latin-extended letters', async () => {
    const pdf = await renderPdf((doc) => {
      heading(doc, 'Łódź Żółć');
      mutedText(doc, 'Zürich, Ærøskøbing, Brno–Třebíč');
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await pdfText(pdf);
    expect(text).toContain('Łódź Żółć');
    expect(text).toContain('Brno–Třebíč');
    // The font is embedded (a subset), not a standard font a viewer would substitute.
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
  });

  it('breaks a long table over pages and repeats its header on each', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Klient ${i + 1} Śląsk`, String(i)]);
    const pdf = await renderPdf((doc) =>
      table(doc, [{ header: 'Client', weight: 3 }, { header: 'Meals', weight: 1, align: 'right' }], rows),
    );
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(text.match(/Client/g)?.length).toBe(pages);
    expect(text).toContain('Klient 120 Śląsk');
  });

  it('rejects when the drawing fails, without leaving the document open', async () => {
    await expect(
      renderPdf(() => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
  });
});
