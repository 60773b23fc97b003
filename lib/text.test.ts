import { describe, expect, it } from 'vitest';
import { CONTROL_CHARACTER_MESSAGE, text } from './text';

describe('text()', () => {
  it('keeps tabs and line breaks, and ordinary Unicode', () => {
    expect(text().parse('Lunch\tfor 12\r\nno nuts — żółć 🍲')).toBe('Lunch\tfor 12\r\nno nuts — żółć 🍲');
  });

  it.each(['\u0000', 'a\u0000b', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u000b'])('refuses the control character in %j', (value) => {
    const result = text().safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(CONTROL_CHARACTER_MESSAGE);
  });
});
