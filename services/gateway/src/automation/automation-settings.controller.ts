import { AutomationRpc } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantId } from '../auth/auth.decorators';
import { parseBillingBody } from '../documents/billing-request';
import { requestInvalid } from '../documents/billing-problems';
import { ApiProblems, validationFailed } from '../http/problem-responses';
import { AutomationSettingsDto, automationJson, UPDATE_AUTOMATION, UpdateAutomationSettingsDto } from './automation-settings.dto';

const INVALID_AUTOMATION = validationFailed({
  'autoSend.recipients': 'Los destinatarios son all (todos los clientes del lote) u only_multiple (solo los que recibieron más de una factura), no algunos.',
  'reminders.rules[1].days': 'Los días antes o después del vencimiento deben estar entre 1 y 90.',
  'reminders.rules[2].days': 'Ya hay una regla para ese mismo momento; cada momento se recuerda una sola vez.',
});

/** The company's automations: automatic sending after a batch, scheduled statements and payment reminders. */
@ApiTags('automation')
@ApiBearerAuth('api-key')
@Controller('v1/automation-settings')
export class AutomationSettingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: "The company's automations", description: 'Everything is off until the company turns it on.' })
  @ApiOkResponse({ type: AutomationSettingsDto })
  @ApiProblems()
  async get(@TenantId() tenantId: string): Promise<AutomationSettingsDto> {
    return automationJson(await this.rpc.call(AutomationRpc.getSettings, { tenantId }));
  }

  @Put()
  @ApiOperation({
    summary: "Store the company's automations",
    description:
      'A section present (autoSend, scheduledStatements, reminders) replaces that section, its missing fields taking their defaults; ' +
      'a section absent stays as it is. The whole request is checked first: one answer names every bad field and nothing is stored. ' +
      'A change moves the daily reminder Schedule `reminders:<company id>` and the workflow `statement-run:<company id>` within seconds.',
  })
  @ApiBody({
    type: UpdateAutomationSettingsDto,
    examples: {
      recordatorios: {
        summary: 'Envío automático solo con varias facturas, estados de cuenta el último día del mes y recordatorios',
        value: {
          autoSend: { enabled: true, subject: 'Sus facturas de alquiler', template: 'original', recipients: 'only_multiple' },
          scheduledStatements: { enabled: true, dayRule: 'last_day', timeOfDay: '18:00', format: 'pdf', attachOpenInvoices: true },
          reminders: {
            enabled: true,
            timeOfDay: '08:00',
            rules: [
              { kind: 'before', days: 3, channel: 'email', attachStatement: false },
              { kind: 'on', days: 0, channel: 'whatsapp', attachStatement: false },
              { kind: 'after', days: 5, channel: 'email', attachStatement: true },
            ],
          },
        },
      },
    },
  })
  @ApiOkResponse({ type: AutomationSettingsDto })
  @ApiProblems(INVALID_AUTOMATION, requestInvalid({ 'reminders.rules[0].days': 'Debe ser un número entero de 0 a 1000000.' }))
  async put(@TenantId() tenantId: string, @Body() body: unknown): Promise<AutomationSettingsDto> {
    const input = parseBillingBody(body, UPDATE_AUTOMATION);
    const a = input.autoSend;
    const s = input.scheduledStatements;
    const r = input.reminders;
    return automationJson(
      await this.rpc.call(AutomationRpc.updateSettings, {
        tenantId,
        autoSend: a ? { enabled: a.enabled ?? false, subject: a.subject ?? '', template: a.template ?? '', body: a.body ?? '', recipients: a.recipients ?? '' } : undefined,
        scheduledStatements: s
          ? {
              enabled: s.enabled ?? false,
              dayRule: s.dayRule ?? '',
              day: s.day ?? 0,
              cycleMonths: s.cycleMonths ?? 0,
              timeOfDay: s.timeOfDay ?? '',
              format: s.format ?? '',
              attachOpenInvoices: s.attachOpenInvoices ?? true,
            }
          : undefined,
        reminders: r
          ? {
              enabled: r.enabled ?? false,
              timeOfDay: r.timeOfDay ?? '',
              rules: (r.rules ?? []).map((rule) => ({ id: rule.id ?? '', kind: rule.kind ?? '', days: rule.days ?? 0, channel: rule.channel ?? '', attachStatement: rule.attachStatement ?? false })),
            }
          : undefined,
      }),
    );
  }
}
