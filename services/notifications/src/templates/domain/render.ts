import Handlebars from 'handlebars';
import type { TemplateValues } from './variables';
import { VARIABLE_NAMES } from './variables';

type Node = { type: string; [key: string]: unknown };

export interface TemplateProblem {
  code: 'template.syntax' | 'template.unknown_variable' | 'template.raw_output' | 'template.unsupported';
  params: Record<string, string>;
}

const handlebars = Handlebars.create();
const COMPILE_OPTIONS = { knownHelpers: { if: true, unless: true }, knownHelpersOnly: true, strict: false } as const;

/**
 * Templates are plain text with {{variable}}, {{#if variable}}…{{/if}} and {{#unless}}: no
 * partials, no other helpers, no triple braces, only the documented variables. Checked when a
 * template is saved and before it is used.
 */
export function checkTemplate(source: string): TemplateProblem | undefined {
  let ast: Node;
  try {
    ast = handlebars.parse(source) as unknown as Node;
  } catch (error) {
    return { code: 'template.syntax', params: { detail: firstLine((error as Error).message) } };
  }
  return checkNode(ast);
}

function checkNode(node: Node): TemplateProblem | undefined {
  switch (node.type) {
    case 'Program':
      for (const child of node.body as Node[]) {
        const problem = checkNode(child);
        if (problem) return problem;
      }
      return undefined;
    case 'ContentStatement':
    case 'CommentStatement':
      return undefined;
    case 'MustacheStatement': {
      if (node.escaped === false) return { code: 'template.raw_output', params: {} };
      if ((node.params as Node[]).length > 0 || node.hash) return { code: 'template.unsupported', params: { what: 'helpers' } };
      return checkVariable(node.path as Node);
    }
    case 'BlockStatement': {
      const path = node.path as Node;
      const params = node.params as Node[];
      if (path.type !== 'PathExpression' || !['if', 'unless'].includes(String(path.original)) || params.length !== 1 || node.hash) {
        return { code: 'template.unsupported', params: { what: `{{#${String(path.original ?? '?')}}}` } };
      }
      return (
        checkVariable(params[0]) ??
        checkNode(node.program as Node) ??
        (node.inverse ? checkNode(node.inverse as Node) : undefined)
      );
    }
    case 'PartialStatement':
    case 'PartialBlockStatement':
      return { code: 'template.unsupported', params: { what: 'partials ({{> }})' } };
    default:
      return { code: 'template.unsupported', params: { what: node.type } };
  }
}

function checkVariable(path: Node): TemplateProblem | undefined {
  const name = String(path.original ?? '');
  if (path.type !== 'PathExpression' || !VARIABLE_NAMES.includes(name)) {
    return { code: 'template.unknown_variable', params: { name, allowed: VARIABLE_NAMES.join(', ') } };
  }
  return undefined;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/**
 * Fills a checked template in. The text part keeps values as they are; the HTML part escapes
 * every value and the template's own text, and turns line breaks into <br>. The subject is one
 * line of text.
 */
export function renderMessage(template: { subject: string; body: string }, values: TemplateValues): RenderedMessage {
  const subject = handlebars
    .compile(template.subject, { ...COMPILE_OPTIONS, noEscape: true })(values)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
  const text = handlebars.compile(template.body, { ...COMPILE_OPTIONS, noEscape: true })(values).trim();
  const htmlAst = handlebars.parse(template.body) as unknown as Node;
  escapeContent(htmlAst);
  const htmlBody = handlebars.compile(htmlAst as never, { ...COMPILE_OPTIONS })(values).trim();
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body><div style="font-family: Arial, sans-serif; font-size: 14px;">${htmlBody}</div></body></html>`;
  return { subject, text, html };
}

function escapeContent(node: Node): void {
  if (node.type === 'ContentStatement') {
    const value = escapeHtml(String(node.value)).replace(/\r?\n/g, '<br>\n');
    node.value = value;
    node.original = value;
    return;
  }
  if (node.type === 'Program') for (const child of node.body as Node[]) escapeContent(child);
  if (node.type === 'BlockStatement') {
    escapeContent(node.program as Node);
    if (node.inverse) escapeContent(node.inverse as Node);
  }
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function firstLine(text: string): string {
  return text.split('\n').slice(0, 2).join(' ').slice(0, 300);
}
