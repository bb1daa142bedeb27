import { BillingRpc, ClientsRpc, DocumentsRpc, type RenderReply, type SalesDocument } from '@cobranza/contracts';
import { ArtifactStore, connectNats, DomainError, RpcClient } from '@cobranza/platform';
import { pngImage, startTestService } from '@cobranza/testing';
import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NatsConnection } from 'nats';
import { AppModule as BillingModule } from '../../billing/src/app.module';
import { billingDefinition } from '../../billing/src/definition';
import { AppModule as ClientsModule } from '../../clients/src/app.module';
import { clientsDefinition } from '../../clients/src/definition';
import { AppModule } from '../src/app.module';
import { documentsDefinition } from '../src/definition';
import { PdfRenderer } from '../src/rendering/pdf-renderer';
import { pdfImageCount, pdfText, readWorkbook, UBL_SCHEMAS, xlsxPart, xmllint } from './files';

/** es-VE money written out independently of the code under test: "-1234.5" → "-1.234,5". */
const ve = (amount: string): string => {
  const [integer, fraction] = amount.split('.');
  return `${integer.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${fraction}`;
};
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const ADDRESS = 'Av. Sanatorio del Ávila, Centro Empresarial Ciudad Center, Torre C, piso 1.';

/**
 * The documents service over real NATS, PostgreSQL and Chromium, with the real clients and
 * billing services beside it: every file is read back (pdftotext, exceljs, xmllint).
 */
describe('documents service', () => {
  const apps: INestApplication[] = [];
  let documentsApp: INestApplication;
  let nats: NatsConnection;
  let rpc: RpcClient;
  let store: ArtifactStore;
  let tenantId: string;
  let clientId: string;
  /** Records every request a rendered document might make. */
  let listener: Server;
  let listenerHits: string[];
  let listenerPort: number;

  const line = { description: 'Servicio de asesoría tributaria, marzo 2024', quantity: '1', unitPrice: '1064.28', taxRatePercent: '16' };
  const issue = (kind: string, extra: Record<string, unknown> = {}) =>
    rpc.call(BillingRpc.issueDocument, { tenantId, clientId, kind, issueDate: '2024-03-01', issueTime: '23:25:35', lines: [line], ...extra });
  const render = {
    document: (documentId: string, format: string, locale = '') => rpc.call(DocumentsRpc.renderSalesDocument, { tenantId, documentId, format, locale }),
    statement: (request: Record<string, unknown>) => rpc.call(DocumentsRpc.renderStatement, { tenantId, clientId, ...request }),
  };
  const bytes = async (reply: RenderReply): Promise<Buffer> => (await store.readAll(tenantId, reply.artifact!.id)).bytes;

  beforeAll(async () => {
    listenerHits = [];
    listener = createServer((req, res) => {
      listenerHits.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    listenerPort = (listener.address() as AddressInfo).port;

    apps.push(await startTestService(clientsDefinition(), ClientsModule));
    apps.push(await startTestService(billingDefinition(), BillingModule));
    documentsApp = await startTestService(documentsDefinition(), AppModule);
    apps.push(documentsApp);
    nats = await connectNats('documents-service-test');
    rpc = new RpcClient(nats, 120_000);
    store = await ArtifactStore.open(nats);
    const tenant = await rpc.call(ClientsRpc.createTenant, {
      legalName: 'Infotax, S.A.',
      taxId: 'J-30012345-6',
      email: 'cobranzas@infotax.com.ve',
      address: 'Av. Francisco de Miranda, Caracas',
    });
    tenantId = tenant.id;
    clientId = (
      await rpc.call(ClientsRpc.createClient, { tenantId, code: '0000000012', legalName: 'INFOTAX, INFORMATICA TRIBUTARIA, S.A.', taxId: 'J-31234567-8', address: ADDRESS })
    ).id;
  });

  afterAll(async () => {
    await nats?.drain();
    for (const app of apps.reverse()) await app.close();
    // A keep-alive connection (a test's fetch) would hold close() open until it times out.
    listener?.closeAllConnections();
    await new Promise((resolve) => listener?.close(resolve));
  });

  describe('sales documents', () => {
    let quote: SalesDocument;
    let order: SalesDocument;
    let remission: SalesDocument;
    let invoice: SalesDocument;
    let creditNote: SalesDocument;

    beforeAll(async () => {
      quote = await issue('quote');
      order = await issue('order', { sourceDocumentId: quote.id });
      remission = await issue('remission', { sourceDocumentId: order.id });
      invoice = await issue('invoice', { sourceDocumentId: remission.id, paymentTermsDays: 30, notes: 'Pago por transferencia.' });
      creditNote = await issue('credit_note', {
        sourceDocumentId: invoice.id,
        issueDate: '2024-03-10',
        lines: [{ description: 'Descuento por pronto pago', quantity: '1', unitPrice: '100.00', taxRatePercent: '16' }],
      });
    });

    it('renders every kind as a PDF with the header, the client, the lines and the totals', async () => {
      const expected: Array<[SalesDocument, string, string]> = [
        [quote, 'Cotización', 'Cotizacion'],
        [order, 'Pedido', 'Pedido'],
        [remission, 'Remisión', 'Remision'],
        [invoice, 'Factura', 'Factura'],
        [creditNote, 'Nota de crédito', 'Nota_de_Credito'],
      ];
      for (const [doc, title, filePrefix] of expected) {
        const reply = await render.document(doc.id, 'pdf');
        expect(reply.artifact).toMatchObject({
          tenantId,
          kind: `${doc.kind}_pdf`,
          mediaType: 'application/pdf',
          fileName: `${filePrefix}_${doc.displayNumber}.pdf`,
        });
        const pdf = await bytes(reply);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(reply.artifact!.size).toBe(pdf.length);
        const text = await pdfText(pdf);
        for (const expectedText of [title, `N° ${doc.displayNumber}`, 'Infotax, S.A.', 'RIF J-30012345-6', '0000000012 INFOTAX, INFORMATICA TRIBUTARIA, S.A.', 'Página 1 de 1'])
          expect(text).toContain(expectedText);
        expect(text).toMatch(/Sanatorio del\s+Ávila/);
      }
      const text = await pdfText(await bytes(await render.document(invoice.id, 'pdf')));
      expect(text).toContain('01/03/2024');
      expect(text).toContain('11:25:35 p.m.');
      expect(text).toContain('31/03/2024'); // due date, 30 days
      expect(text).toContain('Crédito a 30 días');
      expect(text).toMatch(/Base imponible\s+1\.064,28/);
      expect(text).toMatch(/IVA\s+170,28/);
      expect(text).toMatch(/Total VES\s+1\.234,56/);
      expect(text).toContain('Pago por transferencia.');
      expect(text).toContain(`Remisión ${remission.displayNumber}`);
      const credit = await pdfText(await bytes(await render.document(creditNote.id, 'pdf')));
      expect(credit).toContain(`Nota de crédito de la factura`);
      expect(credit).toMatch(/Total VES\s+116,00/);
    });

    it('renders in English on request', async () => {
      const reply = await render.document(invoice.id, 'pdf', 'en');
      expect(reply.artifact!.fileName).toBe(`Invoice_${invoice.displayNumber}.pdf`);
      const text = await pdfText(await bytes(reply));
      expect(text).toContain('Invoice');
      expect(text).toContain('03/01/2024');
      expect(text).toContain('11:25:35 PM');
      expect(text).toMatch(/Total VES\s+1,234\.56/);
      expect(text).toContain('Page 1 of 1');
      await expect(render.document(invoice.id, 'pdf', 'pt-BR')).rejects.toMatchObject({ code: 'validation_failed', details: { locale: expect.stringContaining('pt-BR') } });
    });

    it('writes invoices and credit notes as UBL 2.1 that validates against the OASIS schemas', async () => {
      const invoiceReply = await render.document(invoice.id, 'xml');
      expect(invoiceReply.artifact).toMatchObject({ kind: 'invoice_xml', mediaType: 'application/xml', fileName: `Factura_${invoice.displayNumber}.xml` });
      const invoiceXml = await bytes(invoiceReply);
      await expect(xmllint(invoiceXml, UBL_SCHEMAS.invoice)).resolves.toContain('validates');
      const xml = invoiceXml.toString('utf8');
      expect(xml).toContain(`<cbc:ID>${invoice.displayNumber}</cbc:ID>`);
      expect(xml).toContain('<cbc:PayableAmount currencyID="VES">1234.56</cbc:PayableAmount>');
      expect(xml).toContain('<cbc:TaxableAmount currencyID="VES">1064.28</cbc:TaxableAmount>');
      expect(xml).toContain('<cbc:CompanyID>J-30012345-6</cbc:CompanyID>');
      expect(xml).toContain(`<cac:DespatchDocumentReference><cbc:ID>${remission.displayNumber}</cbc:ID>`);

      const creditReply = await render.document(creditNote.id, 'xml');
      expect(creditReply.artifact).toMatchObject({ kind: 'credit_note_xml', fileName: `Nota_de_Credito_${creditNote.displayNumber}.xml` });
      const creditXml = await bytes(creditReply);
      await expect(xmllint(creditXml, UBL_SCHEMAS.creditNote)).resolves.toContain('validates');
      expect(creditXml.toString('utf8')).toContain(`<cac:InvoiceDocumentReference><cbc:ID>${invoice.displayNumber}</cbc:ID>`);
      // The validation is real: the invoice is not a valid CreditNote.
      await expect(xmllint(invoiceXml, UBL_SCHEMAS.creditNote)).rejects.toThrow(/fails to validate|not expected|No matching global declaration/);
    });

    it('validates UBL with several tax rates, discounts and text that needs escaping', async () => {
      const mixed = await issue('invoice', {
        notes: 'Pagar a "Infotax" & Cía. <urgente>',
        lines: [
          { description: 'Licencia anual <Pro> & soporte', quantity: '2.5', unitPrice: '100.0000', discountPercent: '10', taxRatePercent: '16' },
          { description: 'Alimentos exentos', quantity: '3', unitPrice: '10.00', taxRatePercent: '0' },
          { description: 'Servicio con alícuota reducida', quantity: '1', unitPrice: '50.00', taxRatePercent: '8' },
        ],
      });
      const xml = await bytes(await render.document(mixed.id, 'xml'));
      await expect(xmllint(xml, UBL_SCHEMAS.invoice)).resolves.toContain('validates');
      const text = xml.toString('utf8');
      expect(text).toContain('Licencia anual &lt;Pro&gt; &amp; soporte');
      expect(text.match(/<cac:TaxSubtotal>/g)?.length).toBe(3 + 3); // three rates, plus one per line
      expect(text).toContain(`<cbc:TaxAmount currencyID="VES">${mixed.tax}</cbc:TaxAmount>`);
    });

    it('has no XML for a quote', async () => {
      const error = (await render.document(quote.id, 'xml').catch((e: unknown) => e)) as DomainError;
      expect(error).toMatchObject({ code: 'xml_not_available', status: 422 });
      expect(error.message).toContain('Cotización');
      await expect(render.document(quote.id, 'docx')).rejects.toMatchObject({ code: 'validation_failed', details: { format: expect.any(String) } });
      await expect(render.document('00000000-0000-4000-8000-000000000000', 'pdf')).rejects.toMatchObject({ code: 'document.not_found', status: 404 });
    });

    it('answers the same file for an unchanged document and a new one once it changes', async () => {
      const doc = await issue('invoice', { lines: [{ ...line, description: 'Anulable' }] });
      const first = await render.document(doc.id, 'pdf');
      const again = await render.document(doc.id, 'pdf');
      expect(again).toMatchObject({ reused: true, artifact: { id: first.artifact!.id } });
      expect(first.reused).toBe(false);
      await rpc.call(BillingRpc.voidDocument, { tenantId, id: doc.id, reason: 'Emitida por error' });
      const voided = await render.document(doc.id, 'pdf');
      expect(voided.reused).toBe(false);
      expect(voided.artifact!.id).not.toBe(first.artifact!.id);
      expect(await pdfText(await bytes(voided))).toContain('ANULADO');
      // The stored file is described over NATS without its bytes.
      const info = await rpc.call(DocumentsRpc.getArtifact, { tenantId, id: voided.artifact!.id });
      expect(info).toMatchObject({ id: voided.artifact!.id, kind: 'invoice_pdf', size: voided.artifact!.size, sha256: voided.artifact!.sha256 });
      await expect(rpc.call(DocumentsRpc.getArtifact, { tenantId: clientId, id: voided.artifact!.id })).rejects.toMatchObject({ code: 'artifact.not_found' });
    });
  });

  describe('account statement', () => {
    beforeAll(async () => {
      // 2024-03-01 due 2024-03-16: 10 days overdue on 2024-03-26; partially paid.
      const overdue = await issue('invoice', { issueDate: '2024-03-01', paymentTermsDays: 15 });
      await rpc.call(BillingRpc.recordPayment, {
        tenantId,
        clientId,
        date: '2024-03-20',
        amount: '234.56',
        currency: 'VES',
        method: 'transfer',
        allocations: [{ documentId: overdue.id, amount: '234.56' }],
      });
      await issue('invoice', { issueDate: '2024-03-20', paymentTermsDays: 30, lines: [{ description: 'Alquiler', quantity: '1', unitPrice: '360.00', taxRatePercent: '0' }] });
    });

    it('prints seed 000: tenant, title, issue time, client, receivables, totals and aging', async () => {
      const reply = await render.statement({ asOf: '2024-03-26', format: 'pdf' });
      expect(reply.artifact).toMatchObject({ kind: 'statement_pdf', mediaType: 'application/pdf', fileName: 'Estado_de_Cuenta_0000000012_2024-03-26.pdf' });
      const statement = await rpc.call(BillingRpc.getStatement, { tenantId, clientId, asOf: '2024-03-26' });
      const text = await pdfText(await bytes(reply));
      expect(text).toContain('Infotax, S.A.');
      expect(text).toContain('Estado de Cuenta de Cliente');
      expect(text).toMatch(/Emitido el \d{2}\/\d{2}\/\d{4} a las \d{2}:\d{2}:\d{2} [ap]\.m\./);
      expect(text).toMatch(/Cliente\s+0000000012 INFOTAX, INFORMATICA TRIBUTARIA, S\.A\./);
      expect(text).toMatch(/Dirección\s+Av\. Sanatorio del Ávila/);
      expect(text).toMatch(/Moneda\s+Bolívar/);
      expect(text).toContain('Cuentas por Cobrar');
      for (const header of ['Tipo', 'N° Documento', 'Vencimiento', 'Saldo']) expect(text).toContain(header);
      expect(text).toContain('Factura');
      expect(text).toContain('Página 1 de 1');
      for (const row of statement.rows) expect(text).toContain(row.number);
      // 1,234.56 with 234.56 paid: 1.000,00 overdue (10 days, bucket 1-30).
      expect(text).toMatch(/1\.234,56\s+234,56\s+1\.000,00\s+Abonado parcialmente/);
      expect(text).toMatch(new RegExp(`Vencido\\s+${escapeRegExp(ve(statement.totals!.overdue))}`));
      expect(text).toMatch(new RegExp(`Por vencer\\s+${escapeRegExp(ve(statement.totals!.notDue))}`));
      expect(text).toMatch(new RegExp(`Saldo total VES\\s+${escapeRegExp(ve(statement.totals!.balance))}`));
      const aging = statement.aging!;
      expect(text).toMatch(/Por vencer\s+1 a 30 días\s+31 a 60 días\s+61 a 90 días\s+Más de 90 días\s+Total/);
      expect(text).toMatch(
        new RegExp([aging.notDue, aging.days130, aging.days3160, aging.days6190, aging.over90, statement.totals!.balance].map((a) => escapeRegExp(ve(a))).join('\\s+')),
      );
    });

    it('applies the billing filters and prints English on request', async () => {
      const reply = await render.statement({ asOf: '2024-03-26', format: 'pdf', locale: 'en', filters: { bucket: '1_30' } });
      expect(reply.artifact!.fileName).toBe('Account_Statement_0000000012_2024-03-26.pdf');
      const text = await pdfText(await bytes(reply));
      expect(text).toContain('Customer Account Statement');
      expect(text).toMatch(/Issued on \d{2}\/\d{2}\/\d{4} at \d{2}:\d{2}:\d{2} [AP]M/);
      expect(text).toMatch(/1,234\.56\s+234\.56\s+1,000\.00\s+Partially paid/);
      expect(text).not.toContain('360.00'); // the not-due invoice is filtered out
      await expect(render.statement({ format: 'pdf', filters: { bucket: '0_30' } })).rejects.toMatchObject({ code: 'validation_failed', details: { bucket: expect.any(String) } });
      await expect(render.statement({ format: 'csv' })).rejects.toMatchObject({ code: 'validation_failed', details: { format: expect.any(String) } });
    });

    it('writes seed 004\'s spreadsheet: real dates and numbers, currency formats, frozen filtered header, aging sheet', async () => {
      const reply = await render.statement({ asOf: '2024-03-26', format: 'xlsx' });
      expect(reply.artifact).toMatchObject({
        kind: 'statement_xlsx',
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: 'Estado_de_Cuenta_0000000012_2024-03-26.xlsx',
      });
      const statement = await rpc.call(BillingRpc.getStatement, { tenantId, clientId, asOf: '2024-03-26' });
      const workbook = await readWorkbook(await bytes(reply));
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Documentos', 'Antigüedad']);
      const sheet = workbook.getWorksheet('Documentos')!;
      expect(sheet.getCell('A1').value).toBe('Infotax, S.A.');
      expect(sheet.getCell('A2').value).toBe('Estado de Cuenta de Cliente');
      expect(String(sheet.getCell('A3').value)).toMatch(/^Emitido el \d{2}\/\d{2}\/\d{4} a las/);
      expect(sheet.getCell('D6').type).toBe(ExcelJS.ValueType.Date);
      expect(sheet.getRow(7).values).toEqual([undefined, 'Tipo', 'N° Documento', 'Fecha de emisión', 'Vencimiento', 'Días vencido', 'Monto', 'Abonado', 'Saldo', 'Estado']);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
      expect(sheet.autoFilter).toBeTruthy();
      const sheetXml = await xlsxPart(await bytes(reply), 'xl/worksheets/sheet1.xml');
      expect(sheetXml).toContain(`<autoFilter ref="A7:I${7 + statement.rows.length}"`);

      statement.rows.forEach((row, i) => {
        const cells = sheet.getRow(8 + i);
        expect(cells.getCell(2).value).toBe(row.number);
        expect(cells.getCell(3).type).toBe(ExcelJS.ValueType.Date);
        expect((cells.getCell(3).value as Date).toISOString().slice(0, 10)).toBe(row.issueDate);
        expect(cells.getCell(4).numFmt).toBe('dd/mm/yyyy');
        expect(cells.getCell(5).value).toBe(row.daysOverdue);
        for (const [column, value] of [[6, row.amount], [7, row.paid], [8, row.balance]] as const) {
          expect(cells.getCell(column).type).toBe(ExcelJS.ValueType.Number);
          expect((cells.getCell(column).value as number).toFixed(2)).toBe(value);
          expect(cells.getCell(column).numFmt).toBe('#,##0.00 "VES";[Red]-#,##0.00 "VES"');
        }
      });
      const totalRow = sheet.getRow(8 + statement.rows.length + 3);
      expect(totalRow.getCell(7).value).toBe('Saldo total');
      expect((totalRow.getCell(8).value as number).toFixed(2)).toBe(statement.totals!.balance);

      const aging = workbook.getWorksheet('Antigüedad')!;
      expect(aging.getRow(1).values).toEqual([undefined, 'Rango', 'Saldo']);
      expect(aging.getCell('A3').value).toBe('1 a 30 días');
      expect(aging.getCell('B3').type).toBe(ExcelJS.ValueType.Number);
      expect((aging.getCell('B3').value as number).toFixed(2)).toBe(statement.aging!.days130);
      expect(aging.getCell('A7').value).toBe('Total');
      expect((aging.getCell('B7').value as number).toFixed(2)).toBe(statement.totals!.balance);
      expect(aging.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    });

    it('writes text starting with = + - @ as text, never as a formula', async () => {
      const hostileNames = ['=HYPERLINK("http://127.0.0.1:9/x","Pagar")', '+58 212 5551234', '-2+3', '@SUM(A1:A9)'];
      for (const name of hostileNames) {
        const client = await rpc.call(ClientsRpc.createClient, { tenantId, legalName: name, address: '=1+1' });
        await rpc.call(BillingRpc.issueDocument, { tenantId, clientId: client.id, kind: 'invoice', issueDate: '2024-03-01', lines: [line] });
        const reply = await rpc.call(DocumentsRpc.renderStatement, { tenantId, clientId: client.id, asOf: '2024-03-26', format: 'xlsx' });
        const xlsx = await bytes(reply);
        const sheet = (await readWorkbook(xlsx)).getWorksheet('Documentos')!;
        const nameCell = sheet.getCell('C4');
        expect(nameCell.type).toBe(ExcelJS.ValueType.String);
        expect(nameCell.value).toBe(name);
        expect(nameCell.formula).toBeUndefined();
        expect(sheet.getCell('B5').value).toBe('=1+1');
        expect(sheet.getCell('B5').type).toBe(ExcelJS.ValueType.String);
        // No formula element anywhere in the sheet.
        expect(await xlsxPart(xlsx, 'xl/worksheets/sheet1.xml')).not.toContain('<f>');
      }
    });
  });

  describe('hostile text', () => {
    it('prints a client named <img src=...> as text and makes no request', async () => {
      const hostile = `<img src=http://127.0.0.1:${listenerPort}/x>`;
      const client = await rpc.call(ClientsRpc.createClient, { tenantId, legalName: hostile, address: `<link rel=stylesheet href="http://127.0.0.1:${listenerPort}/css">` });
      const doc = await rpc.call(BillingRpc.issueDocument, {
        tenantId,
        clientId: client.id,
        kind: 'invoice',
        issueDate: '2024-03-01',
        notes: `<script>fetch('http://127.0.0.1:${listenerPort}/js')</script>`,
        lines: [{ ...line, description: `<iframe src="http://127.0.0.1:${listenerPort}/frame"></iframe>` }],
      });
      const invoiceText = await pdfText(await bytes(await render.document(doc.id, 'pdf')));
      expect(invoiceText).toContain(hostile);
      expect(invoiceText).toContain(`<iframe src="http://127.0.0.1:${listenerPort}/frame"></iframe>`);
      const statementText = await pdfText(await bytes(await rpc.call(DocumentsRpc.renderStatement, { tenantId, clientId: client.id, asOf: '2024-03-26', format: 'pdf' })));
      expect(statementText).toContain(hostile);
      const historyText = await pdfText(await bytes(await rpc.call(DocumentsRpc.renderSalesHistory, { tenantId, clientId: client.id })));
      expect(historyText).toContain(hostile);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(listenerHits).toEqual([]);
    });

    it('blocks every request of a page that is not the document or a data: asset', async () => {
      // Even unescaped markup (a template bug) loads nothing: interception aborts the request.
      const renderer = documentsApp.get(PdfRenderer);
      const blockedBefore = renderer.blockedRequests;
      const page = `<html><body><p>Logo</p>
        <img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7">
        <img src="http://127.0.0.1:${listenerPort}/img">
        <link rel="stylesheet" href="http://127.0.0.1:${listenerPort}/style.css">
        <iframe src="http://127.0.0.1:${listenerPort}/frame"></iframe></body></html>`;
      const pdf = await renderer.render(page, { headerTemplate: '<span></span>', footerTemplate: '<span></span>' }, async (stream) => {
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(Buffer.from(chunk));
        return Buffer.concat(chunks);
      });
      expect(await pdfText(pdf)).toContain('Logo');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(listenerHits).toEqual([]);
      expect(renderer.blockedRequests - blockedBefore).toBeGreaterThanOrEqual(3);
    });
  });

  describe('sales history', () => {
    it('prints the operations, the counters and the pending balance', async () => {
      const reply = await rpc.call(DocumentsRpc.renderSalesHistory, { tenantId, clientId });
      expect(reply.artifact).toMatchObject({ kind: 'sales_history_pdf', fileName: 'Historial_de_Ventas_0000000012.pdf' });
      const history = await rpc.call(BillingRpc.getSalesHistory, { tenantId, clientId });
      const text = await pdfText(await bytes(reply));
      expect(text).toContain('Historial de Ventas');
      expect(text).toContain('0000000012 INFOTAX, INFORMATICA TRIBUTARIA, S.A.');
      for (const header of ['Cotización', 'Pedido', 'Remisión', 'Factura']) expect(text).toContain(header);
      expect(text).toMatch(new RegExp(`Cotizaciones\\s+${history.quotes}`));
      expect(text).toMatch(new RegExp(`Facturas\\s+${history.invoices}`));
      expect(history.operations[0].invoice).toBeDefined();
      expect(text).toContain(history.operations[0].invoice!.displayNumber);
      expect(text).toMatch(/Saldo pendiente VES\s+[\d.]+,\d{2}/);
      await expect(rpc.call(DocumentsRpc.renderSalesHistory, { tenantId, clientId: 'nope' })).rejects.toMatchObject({ code: 'client.not_found' });
    });
  });

  describe('tenant logo', () => {
    let logoTenantId: string;
    let logoClientId: string;
    let invoiceId: string;

    const pdfsOf = async (): Promise<Buffer[]> => {
      const tenant = logoTenantId;
      const read = async (reply: RenderReply) => (await store.readAll(tenant, reply.artifact!.id)).bytes;
      // One after the other: the first render of a new tenant fills the documents service's copy of it.
      const invoicePdf = await read(await rpc.call(DocumentsRpc.renderSalesDocument, { tenantId: tenant, documentId: invoiceId, format: 'pdf' }));
      const statementPdf = await read(await rpc.call(DocumentsRpc.renderStatement, { tenantId: tenant, clientId: logoClientId, asOf: '2024-03-26', format: 'pdf' }));
      const historyPdf = await read(await rpc.call(DocumentsRpc.renderSalesHistory, { tenantId: tenant, clientId: logoClientId }));
      return [invoicePdf, statementPdf, historyPdf];
    };

    beforeAll(async () => {
      logoTenantId = (await rpc.call(ClientsRpc.createTenant, { legalName: 'Logotipos, C.A.', taxId: 'J-40012345-1', email: 'logo@example.com' })).id;
      logoClientId = (await rpc.call(ClientsRpc.createClient, { tenantId: logoTenantId, code: '0000000001', legalName: 'Cliente con logo' })).id;
      invoiceId = (
        await rpc.call(BillingRpc.issueDocument, { tenantId: logoTenantId, clientId: logoClientId, kind: 'invoice', issueDate: '2024-03-01', lines: [line] })
      ).id;
    });

    it('prints no image while the tenant has no logo', async () => {
      for (const pdf of await pdfsOf()) expect(await pdfImageCount(pdf)).toBe(0);
    });

    it('embeds the uploaded logo in every PDF and still loads nothing', async () => {
      const logo = await store.put({ tenantId: logoTenantId, kind: 'tenant_logo', mediaType: 'image/png', fileName: 'Logo.png' }, pngImage(64, 32));
      const tenant = await rpc.call(ClientsRpc.updateTenant, { id: logoTenantId, logoArtifactId: logo.id });
      expect(tenant.logoArtifactId).toBe(logo.id);
      const [invoicePdf, statementPdf, historyPdf] = await pdfsOf();
      for (const pdf of [invoicePdf, statementPdf, historyPdf]) expect(await pdfImageCount(pdf)).toBeGreaterThanOrEqual(1);
      expect(await pdfText(invoicePdf)).toContain('Logotipos, C.A.');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(listenerHits).toEqual([]);
    });

    it('renders without the logo when its file cannot be read', async () => {
      const logo = await store.put({ tenantId: logoTenantId, kind: 'tenant_logo', mediaType: 'image/png', fileName: 'Logo.png' }, pngImage(16, 16));
      await rpc.call(ClientsRpc.updateTenant, { id: logoTenantId, logoArtifactId: logo.id });
      await store.delete(logoTenantId, logo.id);
      for (const pdf of await pdfsOf()) {
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(await pdfImageCount(pdf)).toBe(0);
      }
      await rpc.call(ClientsRpc.updateTenant, { id: logoTenantId, logoArtifactId: '' });
      expect((await rpc.call(ClientsRpc.getTenant, { id: logoTenantId })).logoArtifactId).toBe('');
    });
  });

  describe('the page pool', () => {
    it('queues a burst beyond the pool size instead of opening more pages, and renders all of it', async () => {
      const renderer = documentsApp.get(PdfRenderer);
      let maxQueued = 0;
      const sampler = setInterval(() => (maxQueued = Math.max(maxQueued, renderer.stats().queued)), 5);
      try {
        const replies = await Promise.all(
          Array.from({ length: renderer.size * 3 }, (_, i) => render.statement({ asOf: '2024-03-26', format: 'pdf', locale: i % 2 ? 'en' : '' })),
        );
        expect(new Set(replies.map((r) => r.artifact!.id)).size).toBe(renderer.size * 3);
      } finally {
        clearInterval(sampler);
      }
      expect(maxQueued).toBeGreaterThan(0);
      expect(renderer.stats()).toMatchObject({ idle: renderer.size, queued: 0, connected: true });
    });
  });
});
