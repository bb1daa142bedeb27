import { builtInTemplate, TEMPLATE_KINDS } from './built-in-templates';
import { checkTemplate, renderMessage } from './render';
import { formatAmount, formatDate, templateValues } from './variables';

const facts = {
  clientName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.',
  documentLetter: 'B',
  documentNumber: '000-000',
  amount: '54.33',
  currency: '$',
  dueDate: '2020-08-13',
  portalLink: '',
  customText: '',
};

describe('built-in templates', () => {
  it('renders seed 002’s invoice message in Spanish', () => {
    const message = renderMessage(builtInTemplate('invoice', 'es'), templateValues(facts, 'invoice', 'Razón social de la empresa', 'es'));
    expect(message.subject).toBe('Adjuntamos su factura Nro. 000-000');
    expect(message.text).toBe(
      'Estimado cliente INFOTAX, INFORMATICA TRIBUTARIA, S.A.:\n\n' +
        'Le informamos que hemos emitido la factura B Nro. 000-000 por el valor de $ 54,33 con vencimiento el 13/08/2020. La misma está adjunta al presente correo en formato PDF.\n\n' +
        'Muchas gracias\n\nAtentamente\n\nRazón social de la empresa',
    );
    const withLink = renderMessage(
      builtInTemplate('invoice', 'es'),
      templateValues({ ...facts, portalLink: 'https://portal.cobranza.dev/e/abc', customText: 'Aceptamos pago móvil.' }, 'invoice', 'Infotax, S.A.', 'es'),
    );
    expect(withLink.text).toContain(
      'formato PDF.\n\nPuede acceder al listado de todas sus facturas y saldos en este enlace: https://portal.cobranza.dev/e/abc\n\nAceptamos pago móvil.\n\nMuchas gracias',
    );
  });

  it('are valid templates in both languages for every kind', () => {
    for (const kind of TEMPLATE_KINDS) {
      for (const language of ['es', 'en'] as const) {
        const t = builtInTemplate(kind, language);
        expect(checkTemplate(t.subject)).toBeUndefined();
        expect(checkTemplate(t.body)).toBeUndefined();
      }
    }
  });
});

describe('checkTemplate', () => {
  it.each<[string, string | undefined]>([
    ['Hola {{clientName}}', undefined],
    ['{{#if portalLink}}Enlace: {{portalLink}}{{else}}sin enlace{{/if}}', undefined],
    ['{{#unless amount}}Sin monto{{/unless}}', undefined],
    ['{{! comentario }}Hola', undefined],
    ['Hola {{cliente}}', 'template.unknown_variable'],
    ['{{{clientName}}}', 'template.raw_output'],
    ['{{> encabezado}}', 'template.unsupported'],
    ['{{#each clientName}}x{{/each}}', 'template.unsupported'],
    ['{{lookup clientName 1}}', 'template.unsupported'],
    ['{{constructor.name}}', 'template.unknown_variable'],
    ['{{#if clientName}}sin cerrar', 'template.syntax'],
  ])('%j → %s', (source, code) => {
    expect(checkTemplate(source)?.code).toBe(code);
  });
});

describe('renderMessage', () => {
  it('escapes values and the template’s own text in HTML, and keeps one line of subject', () => {
    const values = templateValues({ ...facts, customText: '<b>Pague</b> & "listo"' }, 'invoice', 'A&B <Ltda>', 'es');
    const message = renderMessage({ subject: 'Factura\n{{documentNumber}} de {{companyName}}', body: 'Uno < dos\n{{customText}}\n{{companyName}}' }, values);
    expect(message.subject).toBe('Factura 000-000 de A&B <Ltda>');
    expect(message.text).toBe('Uno < dos\n<b>Pague</b> & "listo"\nA&B <Ltda>');
    expect(message.html).toContain('Uno &lt; dos<br>\n&lt;b&gt;Pague&lt;/b&gt; &amp; &quot;listo&quot;<br>\nA&amp;B &lt;Ltda&gt;');
    expect(message.html).toContain('<title>Factura 000-000 de A&amp;B &lt;Ltda&gt;</title>');
  });
});

describe('formatting', () => {
  it.each<[string, string, 'es' | 'en', string]>([
    ['54.33', 'USD', 'es', 'USD 54,33'],
    ['1234567.5', 'VES', 'es', 'VES 1.234.567,5'],
    ['1234567.50', 'USD', 'en', 'USD 1,234,567.50'],
    ['360', '', 'es', '360'],
    ['a convenir', 'USD', 'es', 'USD a convenir'],
  ])('%s %s (%s) → %s', (amount, currency, language, expected) => expect(formatAmount(amount, currency, language)).toBe(expected));

  it('writes dates as seed 002 does in Spanish', () => {
    expect(formatDate('2020-08-13', 'es')).toBe('13/08/2020');
    expect(formatDate('2020-08-13', 'en')).toBe('2020-08-13');
    expect(formatDate('pronto', 'es')).toBe('pronto');
  });
});
