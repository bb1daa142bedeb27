import { NotificationsRpc } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantId } from '../auth/auth.decorators';
import { parseBillingBody } from '../documents/billing-request';
import { ApiProblems } from '../http/problem-responses';
import { INVALID_SETTINGS } from './notification-problems';
import { ChannelSettingsDto, entitlementJson, settingsJson, UPDATE_SETTINGS, UpdateChannelSettingsDto, WhatsAppEntitlementDto } from './notifications.dto';

/** The tenant's e-mail (SMTP) and WhatsApp settings. Secrets go in, never out. */
@ApiTags('notifications')
@ApiBearerAuth('api-key')
@Controller('v1/notification-settings')
export class NotificationSettingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    summary: 'The channel settings',
    description: 'Secrets (SMTP password, access token, app secret, verify token) are never answered: only whether they are stored, and at most the last 4 characters of the access token.',
  })
  @ApiOkResponse({ type: ChannelSettingsDto })
  @ApiProblems()
  async get(@TenantId() tenantId: string): Promise<ChannelSettingsDto> {
    return settingsJson(await this.rpc.call(NotificationsRpc.getSettings, { tenantId }));
  }

  @Put()
  @ApiOperation({
    summary: 'Store the channel settings',
    description:
      'A channel present replaces that channel’s settings; a channel absent is left as it is. A secret absent keeps the stored one. ' +
      'Secrets are encrypted at rest (AES-256-GCM) and pooled SMTP connections are rebuilt.',
  })
  @ApiBody({ type: UpdateChannelSettingsDto })
  @ApiOkResponse({ type: ChannelSettingsDto })
  @ApiProblems(INVALID_SETTINGS)
  async put(@TenantId() tenantId: string, @Body() body: unknown): Promise<ChannelSettingsDto> {
    const input = parseBillingBody(body, UPDATE_SETTINGS);
    const smtp = input.smtp
      ? {
          host: input.smtp.host ?? '',
          port: input.smtp.port ?? 0,
          tlsMode: input.smtp.tlsMode ?? '',
          user: input.smtp.user ?? '',
          password: input.smtp.password,
          fromAddress: input.smtp.fromAddress ?? '',
        }
      : undefined;
    const whatsapp = input.whatsapp
      ? {
          phoneNumberId: input.whatsapp.phoneNumberId ?? '',
          accessToken: input.whatsapp.accessToken,
          appSecret: input.whatsapp.appSecret,
          verifyToken: input.whatsapp.verifyToken,
          templates: (input.whatsapp.templates ?? []).map((t) => ({
            documentKind: t.documentKind ?? '',
            name: t.name ?? '',
            linkName: t.linkName ?? '',
            language: t.language ?? '',
          })),
          apiBaseUrl: input.whatsapp.apiBaseUrl ?? '',
          apiVersion: input.whatsapp.apiVersion ?? '',
        }
      : undefined;
    return settingsJson(await this.rpc.call(NotificationsRpc.updateSettings, { tenantId, smtp, whatsapp }));
  }

  @Get('whatsapp-entitlement')
  @ApiOperation({
    summary: 'Whether the tenant may send by WhatsApp',
    description: 'Disabled, free until a date, or contracted (seed 000). Changed by the operator, not through this API.',
  })
  @ApiOkResponse({ type: WhatsAppEntitlementDto })
  @ApiProblems()
  async entitlement(@TenantId() tenantId: string): Promise<WhatsAppEntitlementDto> {
    return entitlementJson(await this.rpc.call(NotificationsRpc.getEntitlement, { tenantId }));
  }
}
