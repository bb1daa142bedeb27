import { NotificationsRpc } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import type { RawBodyRequest } from '../http/json-body';
import { ApiExtraProblems, SIGNATURE_INVALID, VERIFY_REFUSED } from './notification-problems';

class WebhookReceivedDto {
  @ApiProperty({ example: 3, description: 'Statuses in the payload.' }) statuses!: number;
  @ApiProperty({ example: 1, description: 'Statuses that moved a delivery forward.' }) changed!: number;
  @ApiProperty({ example: 2, description: 'Duplicates, late arrivals and statuses of other messages.' }) ignored!: number;
}

function queryValue(query: Request['query'], name: string): string {
  const flat = (query as Record<string, unknown>)[name];
  if (typeof flat === 'string') return flat;
  const [root, leaf] = name.split('.');
  const nested = (query as Record<string, Record<string, unknown> | undefined>)[root]?.[leaf];
  return typeof nested === 'string' ? nested : '';
}

/**
 * Meta's status webhooks, one URL per tenant. Public (Meta has no API key): the notifications
 * service verifies the subscription token and the X-Hub-Signature-256 of every POST over the raw
 * body with the tenant's app secret, which never leaves it.
 */
@ApiTags('webhooks')
@Public()
@Controller('v1/webhooks/whatsapp')
export class WhatsAppWebhooksController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':tenantId')
  @ApiOperation({ summary: 'WhatsApp webhook subscription challenge', description: 'Answers hub.challenge as plain text when hub.mode is subscribe and hub.verify_token matches.' })
  @ApiQuery({ name: 'hub.mode', required: true, example: 'subscribe' })
  @ApiQuery({ name: 'hub.verify_token', required: true })
  @ApiQuery({ name: 'hub.challenge', required: true, example: '1158201444' })
  @ApiOkResponse({ description: 'The challenge, as text/plain.', content: { 'text/plain': { schema: { type: 'string', example: '1158201444' } } } })
  @ApiExtraProblems(VERIFY_REFUSED)
  async verify(@Param('tenantId') tenantId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const reply = await this.rpc.call(NotificationsRpc.verifyWhatsAppWebhook, {
      tenantId: tenantId.slice(0, 64),
      mode: queryValue(req.query, 'hub.mode'),
      verifyToken: queryValue(req.query, 'hub.verify_token'),
      challenge: queryValue(req.query, 'hub.challenge').slice(0, 1000),
    });
    res.status(200).type('text/plain').send(reply.challenge);
  }

  @Post(':tenantId')
  @HttpCode(200)
  @ApiOperation({
    summary: 'WhatsApp status webhook',
    description: 'Signed by Meta with the tenant’s app secret (X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>). Sent, delivered, read and failed statuses; repeats and late arrivals never move a status backwards.',
  })
  @ApiHeader({ name: 'X-Hub-Signature-256', required: true, description: 'sha256=<lowercase hex>' })
  @ApiOkResponse({ type: WebhookReceivedDto })
  @ApiExtraProblems(SIGNATURE_INVALID)
  async receive(@Param('tenantId') tenantId: string, @Req() req: RawBodyRequest, @Headers('x-hub-signature-256') signature: string | undefined): Promise<WebhookReceivedDto> {
    const reply = await this.rpc.call(NotificationsRpc.receiveWhatsAppWebhook, {
      tenantId: tenantId.slice(0, 64),
      body: new Uint8Array(req.rawBody ?? Buffer.alloc(0)),
      signature: signature ?? '',
    });
    return { statuses: reply.statuses, changed: reply.changed, ignored: reply.ignored };
  }
}
