import { DeliveryRpc, NotificationsRpc } from '@cobranza/contracts';
import { DeliveryStateDto, stateJson } from '../deliveries/deliveries.dto';
import { messageLanguage, NotFoundError, RpcClient } from '@cobranza/platform';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiQuery, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { TenantId } from '../auth/auth.decorators';
import { isUuid, parseBillingQuery } from '../documents/billing-request';
import { ApiProblems } from '../http/problem-responses';
import { DELIVERY_NOT_FOUND, INVALID_DELIVERY_FILTER } from './notification-problems';
import { DeliveryDto, deliveryJson, DeliveryListDto } from './notifications.dto';

/** The delivery log: every e-mail and WhatsApp attempt, to whom, and what became of it. */
@ApiTags('notifications')
@ApiBearerAuth('api-key')
@Controller('v1/deliveries')
export class DeliveriesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    summary: 'List deliveries',
    description:
      'Newest first. status=unknown lists the attempts interrupted after the provider may have accepted them: they are never resent automatically and need an operator.',
  })
  @ApiQuery({ name: 'clientId', required: false, type: String })
  @ApiQuery({ name: 'status', required: false, description: 'One or more, comma-separated: sending, accepted, sent, delivered, read, failed, unknown.' })
  @ApiQuery({ name: 'channel', required: false, enum: ['email', 'whatsapp'] })
  @ApiQuery({ name: 'deliveryKey', required: false, type: String })
  @ApiQuery({ name: 'from', required: false, description: 'yyyy-mm-dd (a day in the tenant’s time zone) or an RFC 3339 instant, inclusive.' })
  @ApiQuery({ name: 'to', required: false, description: 'yyyy-mm-dd or an RFC 3339 instant, inclusive.' })
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiQuery({ name: 'pageSize', required: false, type: Number })
  @ApiOkResponse({ type: DeliveryListDto })
  @ApiProblems(INVALID_DELIVERY_FILTER)
  async list(@TenantId() tenantId: string, @Query() rawQuery: unknown): Promise<DeliveryListDto> {
    const q = parseBillingQuery(rawQuery, {
      clientId: 'string',
      status: 'list',
      channel: 'string',
      deliveryKey: 'string',
      from: 'string',
      to: 'string',
      page: 'count',
      pageSize: 'count',
    } as const);
    if (q.clientId && !isUuid(q.clientId)) return { items: [], total: 0, page: 1, pageSize: q.pageSize || 50 };
    const reply = await this.rpc.call(NotificationsRpc.listDeliveries, {
      tenantId,
      clientId: q.clientId?.toLowerCase() ?? '',
      statuses: q.status ?? [],
      channel: q.channel ?? '',
      deliveryKey: q.deliveryKey ?? '',
      from: q.from ?? '',
      to: q.to ?? '',
      page: q.page ?? 0,
      pageSize: q.pageSize ?? 0,
    });
    return { items: reply.items.map(deliveryJson), total: reply.total, page: reply.page, pageSize: reply.pageSize };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One delivery with its status history, or a delivery workflow\'s state',
    description:
      'A uuid is one message attempt (the delivery log). A delivery workflow id (statement-delivery:…, document-send:…, document-delivery:…) ' +
      'answers the workflow\'s live state: per channel and recipient status, attempt N, next retry at T, last error (see DeliveryStateDto).',
  })
  @ApiExtraModels(DeliveryStateDto)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(DeliveryDto) }, { $ref: getSchemaPath(DeliveryStateDto) }] } })
  @ApiProblems(DELIVERY_NOT_FOUND)
  async get(@TenantId() tenantId: string, @Param('id') id: string): Promise<DeliveryDto | DeliveryStateDto> {
    if (id.includes(':')) return stateJson(await this.rpc.call(DeliveryRpc.state, { tenantId, workflowId: id }));
    if (!isUuid(id)) throw new NotFoundError('delivery.not_found', messageLanguage() === 'en' ? 'The delivery does not exist.' : 'No existe el envío indicado.');
    return deliveryJson(await this.rpc.call(NotificationsRpc.getDelivery, { tenantId, id: id.toLowerCase() }));
  }
}
