import { BillingRpc, type BillingSettings } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { TenantId } from '../auth/auth.decorators';
import { requestInvalid } from '../documents/billing-problems';
import { ApiProblems } from '../http/problem-responses';
import { field, parseBody } from '../http/request-shape';

class BillingSettingsDto {
  @ApiProperty({
    example: true,
    description: 'Whether a remission not yet invoiced counts as receivable and shows on the statement ("Remisión"). Default true.',
  })
  remissionsReceivable!: boolean;

  @ApiProperty({
    example: false,
    description:
      'Seed 004 "Incluir el estado de cuenta en las facturas de venta": every invoice e-mail attaches the client\'s statement (PDF). ' +
      'A sender can also attach it to one send (attachStatement). Default false.',
  })
  statementInInvoiceEmails!: boolean;
}

const json = (s: BillingSettings): BillingSettingsDto => ({ remissionsReceivable: s.remissionsReceivable, statementInInvoiceEmails: s.statementInInvoiceEmails });

/** The tenant's billing settings. */
@ApiTags('tenant')
@ApiBearerAuth('api-key')
@Controller('v1/billing-settings')
export class BillingSettingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: "The tenant's billing settings" })
  @ApiOkResponse({ type: BillingSettingsDto })
  @ApiProblems()
  async get(@TenantId() tenantId: string): Promise<BillingSettingsDto> {
    return json(await this.rpc.call(BillingRpc.getSettings, { tenantId }));
  }

  @Patch()
  @ApiOperation({ summary: "Change the tenant's billing settings", description: 'Only the fields sent change.' })
  @ApiBody({ type: BillingSettingsDto })
  @ApiOkResponse({ type: BillingSettingsDto })
  @ApiProblems(requestInvalid({ remissionsReceivable: 'Debe ser true o false.' }))
  async update(@TenantId() tenantId: string, @Body() body: unknown): Promise<BillingSettingsDto> {
    const input = parseBody(body, { remissionsReceivable: field.boolean, statementInInvoiceEmails: field.boolean } as const);
    return json(
      await this.rpc.call(BillingRpc.updateSettings, {
        tenantId,
        remissionsReceivable: input.remissionsReceivable,
        statementInInvoiceEmails: input.statementInInvoiceEmails,
      }),
    );
  }
}
