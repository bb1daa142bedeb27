import { BillingRpc, WorkflowsRpc, type RpcContract } from '@cobranza/contracts';
import { RpcClient } from '@cobranza/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { TenantId } from '../auth/auth.decorators';
import { CLIENT_NOT_FOUND } from '../clients/clients.dto';
import { parseBillingBody, parseBillingQuery } from '../documents/billing-request';
import { ApiProblems, notFound, type ProblemExample } from '../http/problem-responses';
import { resourceId } from '../http/request-shape';
import {
  configOf,
  CREATE_SCHEDULE,
  CreateScheduleDto,
  PREVIEW_SCHEDULE,
  PreviewScheduleDto,
  SCHEDULE_CONFIG,
  ScheduleConfigDto,
  ScheduleDto,
  scheduleJson,
  ScheduleListDto,
  SchedulePreviewDto,
  ScheduleStateDto,
  stateJson,
} from './recurring-schedules.dto';

const SCHEDULE_NOT_FOUND = notFound('schedule.not_found', 'No existe la programación indicada.');
const INVALID_SCHEDULE: ProblemExample = {
  status: 400,
  code: 'validation_failed',
  detail: 'Los datos enviados no son válidos; revise los campos indicados.',
  errors: { startDate: 'La fecha de inicio debe ser posterior a hoy: no se puede programar un documento para el mismo día.' },
};
const NOT_ACTIVE: ProblemExample = { status: 409, code: 'schedule.not_active', detail: 'La programación no está activa (está paused).' };
const FINISHED: ProblemExample = { status: 409, code: 'schedule.finished', detail: 'La programación ya terminó (completed); cree una nueva.' };
const STARTING: ProblemExample = { status: 409, code: 'schedule.starting', detail: 'La programación se está iniciando; intente de nuevo en unos segundos.' };

/**
 * Recurring invoices and remissions (seed 001, "Facturación periódica"). Billing stores and
 * validates the configuration; each schedule runs as a Temporal workflow, which pause, resume,
 * skip, change and end reach as updates (a refusal answers at once).
 */
@ApiTags('recurring schedules')
@ApiBearerAuth('api-key')
@Controller('v1/recurring-schedules')
export class RecurringSchedulesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({ summary: 'Program a recurring document', description: 'Its workflow starts right after; the first emission follows the day rule from the start date.' })
  @ApiBody({ type: CreateScheduleDto })
  @ApiCreatedResponse({ type: ScheduleDto })
  @ApiProblems(INVALID_SCHEDULE, CLIENT_NOT_FOUND)
  async create(@TenantId() tenantId: string, @Body() body: unknown): Promise<ScheduleDto> {
    const { clientId, importedNextEmissionDate, importedEmittedCount, ...config } = parseBillingBody(body, CREATE_SCHEDULE);
    const reply = await this.rpc.call(BillingRpc.createSchedule, {
      tenantId,
      clientId: resourceId('client', clientId ?? ''),
      config: configOf(config),
      importedNextEmissionDate: importedNextEmissionDate ?? '',
      importedEmittedCount: importedEmittedCount ?? 0,
    });
    return scheduleJson(reply);
  }

  @Get()
  @ApiOperation({ summary: 'List recurring schedules', description: 'By next emission date, soonest first.' })
  @ApiQuery({ name: 'clientId', required: false, type: String })
  @ApiQuery({ name: 'status', required: false, enum: ['active', 'paused', 'completed', 'ended'] })
  @ApiQuery({ name: 'nextFrom', required: false, type: String, example: '2027-01-01' })
  @ApiQuery({ name: 'nextTo', required: false, type: String, example: '2027-01-31' })
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiQuery({ name: 'pageSize', required: false, type: Number })
  @ApiOkResponse({ type: ScheduleListDto })
  @ApiProblems()
  async list(@TenantId() tenantId: string, @Query() rawQuery: unknown): Promise<ScheduleListDto> {
    const q = parseBillingQuery(rawQuery, { clientId: 'string', status: 'string', nextFrom: 'string', nextTo: 'string', page: 'count', pageSize: 'count' } as const);
    const reply = await this.rpc.call(BillingRpc.listSchedules, { tenantId, ...q });
    return { items: reply.items.map(scheduleJson), page: reply.page, pageSize: reply.pageSize, total: reply.total };
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Preview the emission dates of a draft configuration', description: 'The same rule the schedule’s workflow uses; nothing is stored.' })
  @ApiBody({ type: PreviewScheduleDto })
  @ApiOkResponse({ type: SchedulePreviewDto })
  @ApiProblems(INVALID_SCHEDULE)
  async previewDraft(@TenantId() tenantId: string, @Body() body: unknown): Promise<SchedulePreviewDto> {
    const { importedNextEmissionDate, count, ...config } = parseBillingBody(body, PREVIEW_SCHEDULE);
    const reply = await this.rpc.call(BillingRpc.previewSchedule, { tenantId, config: configOf(config), importedNextEmissionDate: importedNextEmissionDate ?? '', count: count ?? 0 });
    return { emissions: reply.emissions.map(({ number, date, at }) => ({ number, date, at })), limited: reply.limited };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a recurring schedule', description: 'Its configuration and the runtime state its workflow last reported.' })
  @ApiOkResponse({ type: ScheduleDto })
  @ApiProblems(SCHEDULE_NOT_FOUND)
  async get(@TenantId() tenantId: string, @Param('id') id: string): Promise<ScheduleDto> {
    return scheduleJson(await this.rpc.call(BillingRpc.getSchedule, { tenantId, id: resourceId('schedule', id) }));
  }

  @Get(':id/preview')
  @ApiOperation({ summary: 'Next emission dates of a schedule' })
  @ApiQuery({ name: 'count', required: false, type: Number, example: 12 })
  @ApiOkResponse({ type: SchedulePreviewDto })
  @ApiProblems(SCHEDULE_NOT_FOUND)
  async preview(@TenantId() tenantId: string, @Param('id') id: string, @Query() rawQuery: unknown): Promise<SchedulePreviewDto> {
    const q = parseBillingQuery(rawQuery, { count: 'count' } as const);
    const reply = await this.rpc.call(BillingRpc.previewSchedule, { tenantId, id: resourceId('schedule', id), count: q.count ?? 0 });
    return { emissions: reply.emissions.map(({ number, date, at }) => ({ number, date, at })), limited: reply.limited };
  }

  @Get(':id/state')
  @ApiOperation({ summary: 'Live state of the schedule’s workflow', description: 'A Temporal query: status, counts, next emission and last error right now.' })
  @ApiOkResponse({ type: ScheduleStateDto })
  @ApiProblems(SCHEDULE_NOT_FOUND, STARTING)
  state(@TenantId() tenantId: string, @Param('id') id: string): Promise<ScheduleStateDto> {
    return this.command(WorkflowsRpc.scheduleState, tenantId, id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a schedule', description: 'While paused nothing is emitted; passed dates are skipped, not caught up.' })
  @ApiOkResponse({ type: ScheduleStateDto })
  @ApiProblems(SCHEDULE_NOT_FOUND, NOT_ACTIVE, STARTING)
  pause(@TenantId() tenantId: string, @Param('id') id: string): Promise<ScheduleStateDto> {
    return this.command(WorkflowsRpc.pauseSchedule, tenantId, id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused schedule', description: 'It goes on at the next date still ahead.' })
  @ApiOkResponse({ type: ScheduleStateDto })
  @ApiProblems(SCHEDULE_NOT_FOUND, STARTING)
  resume(@TenantId() tenantId: string, @Param('id') id: string): Promise<ScheduleStateDto> {
    return this.command(WorkflowsRpc.resumeSchedule, tenantId, id);
  }

  @Post(':id/skip')
  @HttpCode(200)
  @ApiOperation({ summary: 'Skip the next emission', description: 'A skipped emission does not count toward the limit.' })
  @ApiOkResponse({ type: ScheduleStateDto })
  @ApiProblems(SCHEDULE_NOT_FOUND, FINISHED, STARTING)
  skip(@TenantId() tenantId: string, @Param('id') id: string): Promise<ScheduleStateDto> {
    return this.command(WorkflowsRpc.skipScheduleEmission, tenantId, id);
  }

  @Post(':id/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a schedule for good' })
  @ApiOkResponse({ type: ScheduleStateDto })
  @ApiProblems(SCHEDULE_NOT_FOUND, FINISHED, STARTING)
  end(@TenantId() tenantId: string, @Param('id') id: string): Promise<ScheduleStateDto> {
    return this.command(WorkflowsRpc.endSchedule, tenantId, id);
  }

  @Put(':id/configuration')
  @ApiOperation({
    summary: 'Change a schedule’s configuration',
    description: 'A new day rule or cycle needs a start date later than today; the emitted count is kept and the next dates are recomputed.',
  })
  @ApiBody({ type: ScheduleConfigDto })
  @ApiOkResponse({ type: ScheduleStateDto })
  @ApiProblems(SCHEDULE_NOT_FOUND, INVALID_SCHEDULE, FINISHED, STARTING)
  async change(@TenantId() tenantId: string, @Param('id') id: string, @Body() body: unknown): Promise<ScheduleStateDto> {
    const config = configOf(parseBillingBody(body, SCHEDULE_CONFIG));
    return stateJson(await this.rpc.call(WorkflowsRpc.changeScheduleConfig, { tenantId, scheduleId: resourceId('schedule', id), config }));
  }

  private async command(contract: RpcContract<typeof WorkflowsRpc.pauseSchedule.request, typeof WorkflowsRpc.pauseSchedule.reply>, tenantId: string, id: string) {
    return stateJson(await this.rpc.call(contract, { tenantId, scheduleId: resourceId('schedule', id) }));
  }
}
