import type { Lang, PortalText } from './portal-text';

/** Escapes text for HTML content and double-quoted attributes. */
export function h(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Marks already-escaped HTML so templates can join fragments. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** A template tag: interpolated strings are escaped, Html fragments and arrays of them are not. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new Html(out);
}

function render(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return h(String(value));
}

export interface PageOptions {
  lang: Lang;
  text: PortalText;
  title: string;
  /** The tenant's name, shown at the top when known. */
  company?: string;
  /** The same page in the other language, when there is one. */
  otherLanguageUrl?: string;
  body: Html;
  footer?: string;
}

/** The page shell: no scripts, no third-party resources, one stylesheet served by the gateway. */
export function page(options: PageOptions): string {
  const { lang, text } = options;
  return `<!doctype html>${html`<html lang="${lang === 'en' ? 'en' : 'es'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${options.company ? `${options.title} - ${options.company}` : options.title}</title>
<link rel="stylesheet" href="/portal/assets/portal.css">
</head>
<body>
<a class="skip" href="#main">${text.skip}</a>
<header class="top">
<p class="company">${options.company ?? ''}</p>
${options.otherLanguageUrl ? html`<a class="lang" href="${options.otherLanguageUrl}" hreflang="${lang === 'en' ? 'es' : 'en'}" lang="${lang === 'en' ? 'es' : 'en'}">${text.otherLanguage}</a>` : ''}
</header>
<main id="main" tabindex="-1">
${options.body}
</main>
${options.footer ? html`<footer class="foot"><p>${options.footer}</p></footer>` : ''}
</body>
</html>
`}`;
}

/** Trusted markup written in this code (attribute flags like ` checked`), never user input. */
export const raw = (markup: string): Html => new Html(markup);
