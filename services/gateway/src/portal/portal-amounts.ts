/**
 * What a person types as an amount ("1.250,50", "1,250.50", "1250.5", "1.250") as a decimal
 * string with a dot ("1250.50"), or undefined. The last separator is the decimal one when one or
 * two digits follow it; every other separator groups thousands.
 */
export function normalizeTypedAmount(input: string): string | undefined {
  const typed = input.trim().replace(/\s/g, '');
  if (!/^\d[\d.,]*$/.test(typed)) return undefined;
  const last = Math.max(typed.lastIndexOf(','), typed.lastIndexOf('.'));
  if (last === typed.length - 1) return undefined;
  let whole = typed;
  let fraction = '';
  if (last >= 0 && typed.length - last - 1 <= 2) {
    whole = typed.slice(0, last);
    fraction = typed.slice(last + 1);
  }
  const digits = whole.replace(/[.,]/g, '');
  if (!/^\d+$/.test(digits) || (fraction && !/^\d{1,2}$/.test(fraction))) return undefined;
  const value = `${digits.replace(/^0+(?=\d)/, '')}${fraction ? `.${fraction}` : ''}`;
  return /^0+(\.0+)?$/.test(value) ? undefined : value;
}

/** Fixed-point units of a decimal string at `scale` fraction digits. */
function units(amount: string, scale: number): bigint {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
}

function text(value: bigint, scale: number): string {
  const digits = value.toString().padStart(scale + 1, '0');
  return scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
}

/**
 * Spreads a payment over the invoices the client chose, in the order shown, each up to its
 * balance (exact decimal arithmetic); what is left stays unallocated for the company to apply.
 */
export function spreadPayment(amount: string, chosen: Array<{ documentId: string; balance: string }>): Array<{ documentId: string; amount: string }> {
  const scale = Math.max(...[amount, ...chosen.map((c) => c.balance)].map((a) => a.split('.')[1]?.length ?? 0));
  let remaining = units(amount, scale);
  const out: Array<{ documentId: string; amount: string }> = [];
  for (const document of chosen) {
    if (remaining <= 0n) break;
    const balance = units(document.balance, scale);
    if (balance <= 0n) continue;
    const part = balance < remaining ? balance : remaining;
    out.push({ documentId: document.documentId, amount: text(part, scale) });
    remaining -= part;
  }
  return out;
}
