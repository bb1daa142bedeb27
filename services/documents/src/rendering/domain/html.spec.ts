import { safeFilePart, salesDocumentFileName, statementFileName } from './file-names';
import { escapeHtml, html, pageShell } from './html';

describe('HTML templates', () => {
  it('escapes every interpolated value', () => {
    const name = '<img src=http://127.0.0.1:9/x>';
    expect(html`<td>${name}</td>`.value).toBe('<td>&lt;img src=http://127.0.0.1:9/x&gt;</td>');
    expect(html`<td title="${'" onload="x'}"></td>`.value).toBe('<td title="&quot; onload=&quot;x"></td>');
    expect(escapeHtml(`&'`)).toBe('&amp;&#39;');
  });

  it('forbids every remote load with a content security policy', () => {
    expect(pageShell({ language: 'es', title: 't', body: html`` })).toContain("default-src &#39;none&#39;");
  });
});

describe('file names', () => {
  it('are Spanish, ASCII and safe', () => {
    expect(statementFileName('es', '0000000012', '2024-03-26', 'pdf')).toBe('Estado_de_Cuenta_0000000012_2024-03-26.pdf');
    expect(statementFileName('en', '0000000012', '2024-03-26', 'xlsx')).toBe('Account_Statement_0000000012_2024-03-26.xlsx');
    expect(salesDocumentFileName('es', 'credit_note', 'A 0001-00000002', 'xml')).toBe('Nota_de_Credito_A_0001-00000002.xml');
    expect(salesDocumentFileName('es', 'quote', '0001-00000007', 'pdf')).toBe('Cotizacion_0001-00000007.pdf');
    expect(safeFilePart('../Ávila "x"/y')).toBe('Avila_x_y');
  });
});
