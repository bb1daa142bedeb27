import { BillingRpc, type ScheduleCommandRequest } from '@cobranza/contracts';
import { DomainError, messageCatalog, ValidationError, type RpcClient } from '@cobranza/platform';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { toConfigJson } from '../activities/schedule.activities';
import type { RefusalDetails } from '../activities/failures';
import {
  changeScheduleConfigUpdate,
  endScheduleUpdate,
  pauseScheduleUpdate,
  recurringScheduleWorkflowId,
  resumeScheduleUpdate,
  scheduleStateQuery,
  skipNextEmissionUpdate,
  type ScheduleView,
} from '../recurring-schedule/shared';

const message = messageCatalog({
  es: {
    'schedule.not_active': 'La programación no está activa (está {status}).',
    'schedule.not_paused': 'La programación no está en pausa (está {status}).',
    'schedule.finished': 'La programación ya terminó ({status}); cree una nueva.',
    'schedule.starting': 'La programación se está iniciando; intente de nuevo en unos segundos.',
    'schedule.config_required': 'Indique la nueva configuración.',
    validation_failed: 'Los datos enviados no son válidos; revise los campos indicados.',
  },
  en: {
    'schedule.not_active': 'The schedule is not active (it is {status}).',
    'schedule.not_paused': 'The schedule is not paused (it is {status}).',
    'schedule.finished': 'The schedule has already finished ({status}); create a new one.',
    'schedule.starting': 'The schedule is being started; try again in a few seconds.',
    'schedule.config_required': 'Send the new configuration.',
    validation_failed: 'The data sent is not valid; check the fields listed.',
  },
});

/**
 * Operators' and portals' commands on a schedule's workflow: Temporal updates whose validators
 * refuse at once (pause a paused schedule, change an ended one), and a query for its state.
 */
export class ScheduleCommands {
  constructor(
    private readonly temporal: Client,
    private readonly rpc: RpcClient,
  ) {}

  pause(request: ScheduleCommandRequest) {
    return this.update(request, (handle) => handle.executeUpdate(pauseScheduleUpdate));
  }

  resume(request: ScheduleCommandRequest) {
    return this.update(request, (handle) => handle.executeUpdate(resumeScheduleUpdate));
  }

  skip(request: ScheduleCommandRequest) {
    return this.update(request, (handle) => handle.executeUpdate(skipNextEmissionUpdate));
  }

  end(request: ScheduleCommandRequest) {
    return this.update(request, (handle) => handle.executeUpdate(endScheduleUpdate));
  }

  changeConfig(request: ScheduleCommandRequest) {
    if (!request.config) throw new ValidationError(message('validation_failed'), { config: message('schedule.config_required') });
    const config = toConfigJson(request.config);
    return this.update(request, (handle) => handle.executeUpdate(changeScheduleConfigUpdate, { args: [config] }));
  }

  async state(request: ScheduleCommandRequest) {
    const schedule = await this.owned(request);
    try {
      const view = await this.temporal.workflow.getHandle(schedule.workflowId).query(scheduleStateQuery);
      return toReply(view, schedule.workflowId);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      throw new DomainError('schedule.starting', message('schedule.starting'), 409);
    }
  }

  /** The schedule must be the tenant's: billing answers 404 for anyone else's. */
  private owned(request: ScheduleCommandRequest) {
    return this.rpc.call(BillingRpc.getSchedule, { tenantId: request.tenantId, id: request.scheduleId });
  }

  private async update(
    request: ScheduleCommandRequest,
    send: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<ScheduleView>,
  ) {
    const schedule = await this.owned(request);
    const workflowId = recurringScheduleWorkflowId(schedule.id);
    try {
      return toReply(await send(this.temporal.workflow.getHandle(workflowId)), workflowId);
    } catch (error) {
      throw toDomainError(error, schedule.status);
    }
  }
}

function toReply(view: ScheduleView, workflowId: string) {
  return { ...view, workflowId };
}

/** A refused update carries the code (and billing's message) it was refused with. */
function toDomainError(error: unknown, status: string): unknown {
  if (error instanceof WorkflowNotFoundError) {
    // A closed workflow takes no updates; a missing one has not been started by its event yet.
    return status === 'completed' || status === 'ended'
      ? new DomainError('schedule.finished', message('schedule.finished', { status }), 409)
      : new DomainError('schedule.starting', message('schedule.starting'), 409);
  }
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ApplicationFailure)) return error;
  const details = (error.cause.details?.[0] ?? {}) as Partial<RefusalDetails> & { status?: number | string; fields?: Record<string, string> };
  const code = details.code ?? 'schedule.refused';
  if (typeof details.status === 'number') {
    // Billing's refusal, already worded in the caller's language.
    return new DomainError(code, error.cause.message, details.status, details.fields ?? {});
  }
  if (code === 'validation_failed') return new ValidationError(message('validation_failed'), details.fields ?? {});
  return new DomainError(code, message(code, { status: String(details.status ?? '') }), 409);
}
