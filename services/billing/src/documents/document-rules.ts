import { SALES_DOCUMENT_KINDS } from '@cobranza/contracts';

/** Which documents can be made from which (seed 001: an operation goes quote → order → remission → invoice). */
const MADE_FROM: Record<string, readonly string[]> = {
  order: ['quote'],
  remission: ['quote', 'order'],
  invoice: ['quote', 'order', 'remission'],
  credit_note: ['invoice'],
};

export const canBeMadeFrom = (kind: string, sourceKind: string): boolean => (MADE_FROM[kind] ?? []).includes(sourceKind);

export const isSalesDocumentKind = (kind: string): boolean => (SALES_DOCUMENT_KINDS as readonly string[]).includes(kind);

/** Kinds that are owed: they appear on the statement and take payments. */
export const RECEIVABLE_KINDS = ['invoice', 'remission', 'credit_note'] as const;
export const PAYABLE_KINDS = ['invoice', 'remission'] as const;

/** "0001-00000111", or "A 0001-00000111" with Argentina's letter; empty for a draft (no number yet). */
export function displayNumber(series: string, number: number | null | undefined, letter = ''): string {
  if (!number) return '';
  const core = `${series.padStart(4, '0')}-${String(number).padStart(8, '0')}`;
  return letter ? `${letter} ${core}` : core;
}

export const isClockTime = (value: string): boolean => /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(value);
