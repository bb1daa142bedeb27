import { create } from '@bufbuild/protobuf';
import { GetStatementRequestSchema, type OpenBalancesRequest } from '@cobranza/contracts';
import { DomainError } from '@cobranza/platform';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { PAYABLE_KINDS } from '../documents/document-rules';
import { isLocalDate, localDateOf } from '../domain/calendar';
import { GetStatementUseCase } from '../statements/get-statement.usecase';
import { BillingTenants } from '../tenants/billing-tenants';
import { throwProblems } from './automation-messages';

/**
 * The clients a scheduled statement goes to: those whose statement as of the date has a balance
 * above zero, with the invoices that still owe something. The statement itself decides (credit
 * notes, payments by the date, remissions as the tenant counts them), so what is sent matches
 * what the client reads.
 */
@Injectable()
export class OpenBalancesUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly tenants: BillingTenants,
    private readonly statement: GetStatementUseCase,
  ) {}

  async execute(request: OpenBalancesRequest) {
    if (request.asOf && !isLocalDate(request.asOf)) throwProblems([{ field: 'asOf', code: 'automation.as_of_invalid' }]);
    const tenant = await this.tenants.get(request.tenantId);
    const asOf = request.asOf || localDateOf(new Date(), tenant.timezone);
    // Candidates: clients with a payable document issued by then that is not settled now. A
    // document paid after the date still owed on it, so settled ones count when dated later.
    const rows = await this.em.fork().getConnection().execute<Array<{ client_id: string }>>(
      `select distinct client_id from sales_document
        where tenant_id = ? and kind in (?) and status not in ('draft', 'voided') and issue_date <= ?
          and (status <> 'paid' or exists (select 1 from payment_allocation a join payment p on p.id = a.payment_id where a.document_id = sales_document.id and p.date > ?))
        order by client_id`,
      [tenant.id, [...PAYABLE_KINDS], asOf, asOf],
    );
    const clients = [];
    for (const { client_id: clientId } of rows) {
      let statement;
      try {
        statement = await this.statement.execute(create(GetStatementRequestSchema, { tenantId: tenant.id, clientId, asOf }));
      } catch (error) {
        // A client removed from the registry gets no statement.
        if (error instanceof DomainError && error.status === 404) continue;
        throw error;
      }
      if (!(Number(statement.totals.balance) > 0)) continue;
      const open = statement.rows.filter((r) => r.kind === 'invoice' && Number(r.balance) > 0).map((r) => r.documentId);
      clients.push({ clientId, balance: statement.totals.balance, currency: statement.header.currency, openInvoiceIds: open });
    }
    return { asOf, clients };
  }
}

