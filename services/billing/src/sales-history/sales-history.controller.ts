import { create } from '@bufbuild/protobuf';
import { BillingRpc, GetStatementRequestSchema, type GetSalesHistoryRequest } from '@cobranza/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { balanceOf } from '../documents/document.mapper';
import { displayNumber } from '../documents/document-rules';
import { SalesDocument } from '../documents/sales-document.entity';
import { roundMoney } from '../domain/money';
import { GetStatementUseCase } from '../statements/get-statement.usecase';
import { BillingTenants } from '../tenants/billing-tenants';

const MAX_OPERATIONS = 100;
const COLUMNS = ['quote', 'order', 'remission', 'invoice'] as const;

const summary = (doc: SalesDocument) => ({
  id: doc.id,
  displayNumber: displayNumber(doc.series, doc.number, doc.letter),
  issueDate: doc.issueDate,
  total: roundMoney(doc.total, doc.currency),
  balance: balanceOf(doc),
  status: doc.status,
});

/** Seed 001's "Ventas" tab: the 100 most recent operations, their counters and the pending balance. */
@Controller()
export class SalesHistoryController {
  constructor(
    private readonly em: EntityManager,
    private readonly tenants: BillingTenants,
    private readonly statement: GetStatementUseCase,
  ) {}

  @MessagePattern(BillingRpc.getSalesHistory.subject)
  async get(@Payload() request: GetSalesHistoryRequest) {
    const client = await this.tenants.client(request.tenantId, request.clientId);
    const recent = await this.em.getConnection().execute<Array<{ operation_id: string }>>(
      `select operation_id from sales_document where tenant_id = ? and client_id = ? and status <> 'draft'
        group by operation_id order by max(created_at) desc limit ?`,
      [request.tenantId, client.id, MAX_OPERATIONS],
    );
    const ids = recent.map((r) => r.operation_id);
    const documents = ids.length
      ? await this.em.find(
          SalesDocument,
          { tenantId: request.tenantId, operationId: { $in: ids }, status: { $ne: 'draft' } },
          { orderBy: { createdAt: 'desc' } },
        )
      : [];
    const operations = ids.map((operationId) => {
      const docs = documents.filter((d) => d.operationId === operationId);
      const latest = (kind: string) => docs.find((d) => d.kind === kind);
      const row: Record<string, unknown> = { operationId, lastDate: docs.map((d) => d.issueDate).sort().at(-1) ?? '' };
      for (const kind of COLUMNS) {
        const doc = latest(kind);
        if (doc) row[kind] = summary(doc);
      }
      return row;
    });
    const count = (kind: string) => operations.filter((o) => o[kind]).length;
    // The same rules as the statement (invoiced remissions, the tenant's setting), as of today.
    const today = await this.statement.execute(create(GetStatementRequestSchema, { tenantId: request.tenantId, clientId: client.id }));
    return {
      operations,
      quotes: count('quote'),
      orders: count('order'),
      remissions: count('remission'),
      invoices: count('invoice'),
      pendingBalance: today.totals.balance,
      currency: client.currency,
    };
  }
}
