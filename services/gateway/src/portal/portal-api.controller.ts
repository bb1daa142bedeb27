import { PORTAL_SEND_TIMEOUT_MS, PortalRpc } from '@cobranza/contracts';
import { messageLanguage, RpcClient } from '@cobranza/platform';
import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { TenantId } from '../auth/auth.decorators';
import { CLIENT_ID_PARAM, CLIENT_NOT_FOUND } from '../clients/clients.dto';
import { requestInvalid } from '../documents/billing-problems';
import { ApiProblems, validationFailed } from '../http/problem-responses';
import { field, parseBody, RequestInvalidError, resourceId } from '../http/request-shape';
import {
  linkJson,
  PORTAL_DISABLED,
  PORTAL_LINK_ID_PARAM,
  PORTAL_LINK_NOT_FOUND,
  PortalLinkDto,
  PortalLinkListDto,
  PortalSettingsDto,
  SendPortalLinkDto,
  settingsJson,
  UpdatePortalSettingsDto,
} from './portal-api.dto';

const WHOLE_NUMBER = { es: 'Debe ser un número entero.', en: 'Must be a whole number.' };

/** `body` without its whole-number field `name`, which parseBody cannot type; 400 request.invalid when it is not one. */
function takeInteger(body: unknown, name: string): { rest: unknown; value?: number } {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !(name in body)) return { rest: body };
  const { [name]: value, ...rest } = body as Record<string, unknown>;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100_000)
    throw new RequestInvalidError({ [name]: WHOLE_NUMBER[messageLanguage()] });
  return { rest, value };
}

/** The company's side of the customer portal (seeds 002 and 004): its settings and the links it sends. */
@ApiTags('portal')
@ApiBearerAuth('api-key')
@Controller('v1')
export class PortalApiController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('portal-settings')
  @ApiOperation({ summary: "The tenant's customer portal settings" })
  @ApiOkResponse({ type: PortalSettingsDto })
  @ApiProblems()
  async getSettings(@TenantId() tenantId: string): Promise<PortalSettingsDto> {
    return settingsJson(await this.rpc.call(PortalRpc.getSettings, { tenantId }));
  }

  @Put('portal-settings')
  @ApiOperation({
    summary: "Change the tenant's customer portal settings",
    description: 'Only the fields sent change. Switching the portal off stops every link from opening until it is on again.',
  })
  @ApiBody({ type: UpdatePortalSettingsDto })
  @ApiOkResponse({ type: PortalSettingsDto })
  @ApiProblems(
    requestInvalid({ linkTtlDays: 'Debe ser un número entero.' }),
    validationFailed({ linkTtlDays: 'La vigencia del enlace debe estar entre 1 y 365 días.' }),
  )
  async updateSettings(@TenantId() tenantId: string, @Body() body: unknown): Promise<PortalSettingsDto> {
    const ttl = takeInteger(body, 'linkTtlDays');
    const input = parseBody(ttl.rest, { enabled: field.boolean, linkInInvoiceEmails: field.boolean, baseUrl: field.string } as const);
    return settingsJson(await this.rpc.call(PortalRpc.updateSettings, { tenantId, ...input, linkTtlDays: ttl.value }));
  }

  @Post('clients/:id/portal-links')
  @ApiOperation({
    summary: 'Email a client the link to its portal',
    description:
      'Issues a link of its own for the recipient (valid `ttlDays`, default the tenant\'s) and emails it at once, with the ' +
      'delivery key `portal-link:<link id>`. Links already sent to others stay valid. The answer carries the link\'s URL ' +
      'once; only its hash is stored.',
  })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiBody({ type: SendPortalLinkDto })
  @ApiCreatedResponse({ type: PortalLinkDto })
  @ApiProblems(
    requestInvalid({ ttlDays: 'Debe ser un número entero.' }),
    validationFailed({ recipient: 'El destinatario debe ser una dirección de correo válida, por ejemplo usuario@dominio.com.' }),
    CLIENT_NOT_FOUND,
    PORTAL_DISABLED,
  )
  async send(@TenantId() tenantId: string, @Param('id') id: string, @Body() body: unknown): Promise<PortalLinkDto> {
    const clientId = resourceId('client', id);
    const ttl = takeInteger(body, 'ttlDays');
    const input = parseBody(ttl.rest, { recipient: field.string, language: field.string } as const);
    const link = await this.rpc.call(
      PortalRpc.sendLink,
      { tenantId, clientId, recipient: input.recipient ?? '', ttlDays: ttl.value ?? 0, language: input.language ?? '' },
      { timeoutMs: PORTAL_SEND_TIMEOUT_MS },
    );
    return linkJson(link);
  }

  @Get('clients/:id/portal-links')
  @ApiOperation({ summary: "A client's portal links", description: 'Newest first, with their status; never the links themselves.' })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiOkResponse({ type: PortalLinkListDto })
  @ApiProblems(CLIENT_NOT_FOUND)
  async list(@TenantId() tenantId: string, @Param('id') id: string): Promise<PortalLinkListDto> {
    const reply = await this.rpc.call(PortalRpc.listLinks, { tenantId, clientId: resourceId('client', id) });
    return { items: reply.items.map(linkJson) };
  }

  @Delete('clients/:id/portal-links/:linkId')
  @ApiOperation({ summary: 'Revoke a portal link', description: 'The link stops opening at once; the client\'s other links stay valid.' })
  @ApiParam(CLIENT_ID_PARAM)
  @ApiParam(PORTAL_LINK_ID_PARAM)
  @ApiOkResponse({ type: PortalLinkDto })
  @ApiProblems(PORTAL_LINK_NOT_FOUND)
  async revoke(@TenantId() tenantId: string, @Param('id') id: string, @Param('linkId') linkId: string): Promise<PortalLinkDto> {
    const clientId = resourceId('client', id);
    return linkJson(await this.rpc.call(PortalRpc.revokeLink, { tenantId, clientId, id: linkId }));
  }
}
