import type { MessageInitShape } from '@bufbuild/protobuf';
import { BillingRpc, ClientsRpc, DocumentsRpc, type IssueDocumentRequestSchema } from '@cobranza/contracts';
import { ArtifactStore, connectNats, RpcClient } from '@cobranza/platform';
import { startTestService } from '@cobranza/testing';
import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { NatsConnection } from 'nats';
import { AppModule as BillingModule } from '../../billing/src/app.module';
import { billingDefinition } from '../../billing/src/definition';
import { AppModule as ClientsModule } from '../../clients/src/app.module';
import { clientsDefinition } from '../../clients/src/definition';
import { AppModule } from '../src/app.module';
import { documentsDefinition } from '../src/definition';
import { PdfRenderer } from '../src/rendering/pdf-renderer';
import { pdfPages, pdfText, readWorkbook } from './files';

const LINES = 5_000;
const BATCH = 500;

/** A statement of 5,000 documents, rendered to PDF and XLSX while the memory is watched. */
describe('documents service: a 5,000-line statement', () => {
  const apps: INestApplication[] = [];
  let documentsApp: INestApplication;
  let nats: NatsConnection;
  let rpc: RpcClient;
  let store: ArtifactStore;
  let tenantId: string;
  let clientId: string;

  /** Runs `fn` while sampling this process's heap; answers its result and the highest growth. */
  async function watchingMemory<T>(fn: () => Promise<T>): Promise<{ result: T; heapGrowthMb: number }> {
    global.gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
    try {
      const result = await fn();
      return { result, heapGrowthMb: (peak - baseline) / 1024 / 1024 };
    } finally {
      clearInterval(sampler);
    }
  }

  beforeAll(async () => {
    apps.push(await startTestService(clientsDefinition(), ClientsModule));
    apps.push(await startTestService(billingDefinition(), BillingModule));
    documentsApp = await startTestService(documentsDefinition(), AppModule);
    apps.push(documentsApp);
    nats = await connectNats('documents-large-statement-test');
    rpc = new RpcClient(nats, 180_000);
    store = await ArtifactStore.open(nats);
    tenantId = (await rpc.call(ClientsRpc.createTenant, { legalName: 'Alquileres Ávila, C.A.', email: 'cobranzas@avila.com.ve' })).id;
    clientId = (await rpc.call(ClientsRpc.createClient, { tenantId, code: '0000000099', legalName: 'Condominio Torre C', address: 'Caracas' })).id;
    // 5,000 invoices through billing's batch RPC, 500 per batch, over two years of issue dates.
    for (let start = 0; start < LINES; start += BATCH) {
      const items: Array<MessageInitShape<typeof IssueDocumentRequestSchema>> = Array.from({ length: BATCH }, (_, i) => {
        const n = start + i;
        const day = new Date(Date.UTC(2022, 0, 1) + Math.floor((n * 730) / LINES) * 86_400_000).toISOString().slice(0, 10);
        return {
          kind: 'invoice',
          clientId,
          issueDate: day,
          paymentTermsDays: 30,
          lines: [{ description: `Alquiler local ${n + 1}`, quantity: '1', unitPrice: `${100 + (n % 900)}.${String(n % 100).padStart(2, '0')}`, taxRatePercent: '16' }],
        };
      });
      await rpc.call(BillingRpc.issueBatch, { tenantId, batchId: `large-statement-${start}`, items }, { timeoutMs: 300_000 });
    }
  }, 900_000);

  afterAll(async () => {
    await nats?.drain();
    for (const app of apps.reverse()) await app.close();
  });

  it('renders the PDF page after page, streamed into the artifact store', async () => {
    const statement = await rpc.call(BillingRpc.getStatement, { tenantId, clientId, asOf: '2024-03-26' }, { timeoutMs: 120_000 });
    expect(statement.rows).toHaveLength(LINES);
    const { result: reply, heapGrowthMb } = await watchingMemory(() =>
      rpc.call(DocumentsRpc.renderStatement, { tenantId, clientId, asOf: '2024-03-26', format: 'pdf' }, { timeoutMs: 300_000 }),
    );
    expect(reply.artifact).toMatchObject({ kind: 'statement_pdf', fileName: 'Estado_de_Cuenta_0000000099_2024-03-26.pdf' });
    const { bytes } = await store.readAll(tenantId, reply.artifact!.id);
    expect(bytes.length).toBe(reply.artifact!.size);
    const pages = await pdfPages(bytes);
    expect(pages).toBeGreaterThan(60);
    const text = await pdfText(bytes);
    expect(text).toContain(statement.rows[0].number);
    expect(text).toContain(statement.rows[LINES - 1].number);
    expect(text).toContain(`Página ${pages} de ${pages}`);
    // The table header is repeated on every page.
    expect(text.match(/N° Documento/g)?.length).toBeGreaterThanOrEqual(pages - 1);
    // This process (the NATS reply, the HTML and the streamed PDF) stays far from any limit.
    expect(heapGrowthMb).toBeLessThan(300);
    expect(documentsApp.get(PdfRenderer).stats().connected).toBe(true);
  }, 600_000);

  it('writes the XLSX with the streaming writer, every row a real number and date', async () => {
    const { result: reply, heapGrowthMb } = await watchingMemory(() =>
      rpc.call(DocumentsRpc.renderStatement, { tenantId, clientId, asOf: '2024-03-26', format: 'xlsx' }, { timeoutMs: 300_000 }),
    );
    expect(reply.artifact).toMatchObject({ kind: 'statement_xlsx', fileName: 'Estado_de_Cuenta_0000000099_2024-03-26.xlsx' });
    expect(heapGrowthMb).toBeLessThan(300);
    const { bytes } = await store.readAll(tenantId, reply.artifact!.id);
    const sheet = (await readWorkbook(bytes)).getWorksheet('Documentos')!;
    const statement = await rpc.call(BillingRpc.getStatement, { tenantId, clientId, asOf: '2024-03-26' }, { timeoutMs: 120_000 });
    for (const index of [0, 1234, LINES - 1]) {
      const row = sheet.getRow(8 + index);
      expect(row.getCell(2).value).toBe(statement.rows[index].number);
      expect(row.getCell(3).type).toBe(ExcelJS.ValueType.Date);
      expect(row.getCell(8).type).toBe(ExcelJS.ValueType.Number);
      expect((row.getCell(8).value as number).toFixed(2)).toBe(statement.rows[index].balance);
    }
    const total = sheet.getRow(8 + LINES + 3);
    expect(total.getCell(7).value).toBe('Saldo total');
    expect((total.getCell(8).value as number).toFixed(2)).toBe(statement.totals!.balance);
  }, 600_000);
});
