/**
 * HTML built from templates where every interpolated value is escaped unless it is already
 * SafeHtml: a client named `<img src=http://127.0.0.1:9/x>` prints as that text.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

type Interpolated = SafeHtml | string | number | boolean | null | undefined | readonly Interpolated[];

function render(value: Interpolated): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** Tagged template: html`<td>${clientName}</td>` escapes clientName. */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Text with line breaks kept (addresses, notes). */
export function multiline(text: string): SafeHtml {
  return new SafeHtml(text.split(/\r?\n/).map(escapeHtml).join('<br>'));
}

/**
 * Nothing may load from anywhere: no scripts, no remote styles, images or fonts; embedded
 * `data:` images (the tenant's logo) are the only assets.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

const STYLE = `
  * { box-sizing: border-box; }
  html, body { margin: 0; padding: 0; }
  body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 8pt; color: #1d232a; }
  h1 { font-size: 15pt; margin: 0 0 2mm 0; }
  h2 { font-size: 10.5pt; margin: 5mm 0 2mm 0; }
  .masthead { display: flex; gap: 5mm; align-items: flex-start; border-bottom: 0.4mm solid #2d4a6b; padding-bottom: 3mm; margin-bottom: 4mm; }
  .logo { width: 32mm; height: 16mm; flex: none; }
  .logo img { max-width: 32mm; max-height: 16mm; }
  .tenant { flex: 1; }
  .tenant .name { font-size: 12pt; font-weight: bold; }
  .doc-title { text-align: right; }
  .muted { color: #56606b; }
  .facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 3mm; margin-bottom: 4mm; }
  .facts .label { font-weight: bold; white-space: nowrap; }
  table.grid { width: 100%; border-collapse: collapse; }
  table.grid thead { display: table-header-group; }
  table.grid tfoot { display: table-row-group; }
  table.grid tr { page-break-inside: avoid; break-inside: avoid; }
  table.grid .nowrap, table.grid th, table.grid.compact td { white-space: nowrap; }
  table.grid th { background: #2d4a6b; color: #fff; text-align: left; padding: 1.2mm 1.5mm; font-weight: bold; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table.grid td { padding: 1mm 1.5mm; border-bottom: 0.2mm solid #d5dbe1; vertical-align: top; }
  table.grid .num, table.totals .num { text-align: right; white-space: nowrap; }
  table.grid tfoot td { font-weight: bold; border-top: 0.4mm solid #2d4a6b; }
  table.totals { margin: 4mm 0 0 auto; border-collapse: collapse; min-width: 70mm; page-break-inside: avoid; }
  table.totals td { padding: 0.8mm 1.5mm; }
  table.totals tr.grand td { font-weight: bold; font-size: 10pt; border-top: 0.4mm solid #2d4a6b; }
  .voided { color: #b3261e; font-size: 20pt; font-weight: bold; border: 0.6mm solid #b3261e; display: inline-block; padding: 1mm 4mm; margin: 2mm 0; }
  .notes { margin-top: 5mm; white-space: normal; }
  .empty { padding: 4mm 0; font-style: italic; }
`;

export interface PageShell {
  language: string;
  title: string;
  body: SafeHtml;
}

/** A complete document: CSP first, inline styles, the body. */
export function pageShell(shell: PageShell): string {
  return html`<!DOCTYPE html>
<html lang="${shell.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${shell.title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>${shell.body}</body>
</html>`.value;
}

/**
 * The tenant's logo slot: the uploaded logo as an embedded `data:` image, or an empty box of the
 * same size when the tenant has none (or it could not be read).
 */
export function logoSlot(logoDataUri?: string): SafeHtml {
  if (logoDataUri && /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(logoDataUri)) {
    return html`<div class="logo"><img src="${logoDataUri}" alt=""></div>`;
  }
  return html`<div class="logo"></div>`;
}

export interface RunningHeader {
  /** Left: the tenant's name. */
  left: string;
  /** Right: the document's title and number. */
  right: string;
  pageWord: string;
  ofWord: string;
}

/** Chromium's header and footer templates: tenant and title on every page, "Página X de Y" below. */
export function runningHeaderFooter(header: RunningHeader): { headerTemplate: string; footerTemplate: string } {
  const box = 'font-family: DejaVu Sans, Arial, sans-serif; font-size: 7.5pt; color: #56606b; width: 100%; margin: 0 12mm;';
  return {
    headerTemplate: html`<div style="${box} display: flex; justify-content: space-between;"><span>${header.left}</span><span>${header.right}</span></div>`.value,
    footerTemplate: html`<div style="${box} text-align: center;">${header.pageWord} <span class="pageNumber"></span> ${header.ofWord} <span class="totalPages"></span></div>`.value,
  };
}
