import { NotificationsRpc } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { TenantId } from '../auth/auth.decorators';
import { parseBillingBody, parseBillingQuery } from '../documents/billing-request';
import { ApiProblems } from '../http/problem-responses';
import { INVALID_TEMPLATE } from './notification-problems';
import { MessageTemplateDto, SAVE_TEMPLATE, SaveTemplateDto, TemplateListDto, templateJson } from './notifications.dto';

const KINDS = ['quote', 'order', 'remission', 'invoice', 'statement', 'reminder'];

/** E-mail templates per kind of document, in Handlebars (seed 002). */
@ApiTags('notifications')
@ApiBearerAuth('api-key')
@Controller('v1/notification-templates')
export class NotificationTemplatesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    summary: 'The e-mail templates of every kind, and the variables they may use',
    description: 'The tenant’s own template of each kind, or the built-in one (source built_in).',
  })
  @ApiQuery({ name: 'language', required: false, enum: ['es', 'en'] })
  @ApiOkResponse({ type: TemplateListDto })
  @ApiProblems()
  async list(@TenantId() tenantId: string, @Query() rawQuery: unknown): Promise<TemplateListDto> {
    const q = parseBillingQuery(rawQuery, { language: 'string' } as const);
    const reply = await this.rpc.call(NotificationsRpc.listTemplates, { tenantId, language: q.language ?? '' });
    return { items: reply.items.map(templateJson), variables: reply.variables.map((v) => ({ name: v.name, description: v.description, example: v.example })) };
  }

  @Get(':documentKind')
  @ApiOperation({
    summary: 'The template a send starts from',
    description: 'choice=original: the tenant’s template or the built-in one; choice=last_used with clientId: the last one used for that client (seed 002), else the original.',
  })
  @ApiParam({ name: 'documentKind', enum: KINDS })
  @ApiQuery({ name: 'language', required: false, enum: ['es', 'en'] })
  @ApiQuery({ name: 'choice', required: false, enum: ['original', 'last_used'] })
  @ApiQuery({ name: 'clientId', required: false, type: String })
  @ApiOkResponse({ type: MessageTemplateDto })
  @ApiProblems(INVALID_TEMPLATE)
  async get(@TenantId() tenantId: string, @Param('documentKind') documentKind: string, @Query() rawQuery: unknown): Promise<MessageTemplateDto> {
    const q = parseBillingQuery(rawQuery, { language: 'string', choice: 'string', clientId: 'string' } as const);
    return templateJson(
      await this.rpc.call(NotificationsRpc.getTemplate, { tenantId, documentKind, language: q.language ?? '', choice: q.choice ?? '', clientId: q.clientId ?? '' }),
    );
  }

  @Put(':documentKind')
  @ApiOperation({ summary: 'Store the tenant’s template for a kind', description: 'Checked: only the documented variables, {{#if}} and {{#unless}}; no triple braces.' })
  @ApiParam({ name: 'documentKind', enum: KINDS })
  @ApiQuery({ name: 'language', required: false, enum: ['es', 'en'] })
  @ApiBody({ type: SaveTemplateDto })
  @ApiOkResponse({ type: MessageTemplateDto })
  @ApiProblems(INVALID_TEMPLATE)
  async save(@TenantId() tenantId: string, @Param('documentKind') documentKind: string, @Query() rawQuery: unknown, @Body() body: unknown): Promise<MessageTemplateDto> {
    const q = parseBillingQuery(rawQuery, { language: 'string' } as const);
    const input = parseBillingBody(body, SAVE_TEMPLATE);
    return templateJson(
      await this.rpc.call(NotificationsRpc.saveTemplate, { tenantId, documentKind, language: q.language ?? '', subject: input.subject ?? '', body: input.body ?? '' }),
    );
  }

  @Delete(':documentKind')
  @ApiOperation({ summary: 'Back to the built-in template for a kind', description: 'Answers the template now in force.' })
  @ApiParam({ name: 'documentKind', enum: KINDS })
  @ApiQuery({ name: 'language', required: false, enum: ['es', 'en'] })
  @ApiOkResponse({ type: MessageTemplateDto })
  @ApiProblems()
  async reset(@TenantId() tenantId: string, @Param('documentKind') documentKind: string, @Query() rawQuery: unknown): Promise<MessageTemplateDto> {
    const q = parseBillingQuery(rawQuery, { language: 'string' } as const);
    return templateJson(await this.rpc.call(NotificationsRpc.resetTemplate, { tenantId, documentKind, language: q.language ?? '' }));
  }
}
