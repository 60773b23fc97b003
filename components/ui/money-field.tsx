'use client';
import { useState, type InputHTMLAttributes } from 'react';
import { centsToMoneyInput, parseMoneyToCents } from '@/lib/money-input';
import { TextField } from './field';

type Props = {
  label: string;
  error?: string;
  /** Integer cents, NaN while the text is not an amount (the schema then says why). */
  value: number | undefined;
  onChange: (cents: number) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

/** An amount typed as "12.50" or "12,50", handed on as integer cents. */
export function MoneyField({ value, onChange, ...props }: Props) {
  const [text, setText] = useState(() => (value !== undefined && Number.isFinite(value) ? centsToMoneyInput(value) : ''));
  return (
    <TextField
      inputMode="decimal"
      {...props}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseMoneyToCents(e.target.value));
      }}
    />
  );
}
