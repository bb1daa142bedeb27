import {
  BillingRpc,
  type ChangeScheduleConfigRequest,
  type CreateScheduleRequest,
  type GetScheduleRequest,
  type ListSchedulesRequest,
  type PreviewScheduleRequest,
  type ReportScheduleStateRequest,
} from '@cobranza/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ScheduleUseCases } from './schedules.usecases';

@Controller()
export class SchedulesController {
  constructor(private readonly schedules: ScheduleUseCases) {}

  @MessagePattern(BillingRpc.createSchedule.subject)
  create(@Payload() request: CreateScheduleRequest) {
    return this.schedules.create(request);
  }

  @MessagePattern(BillingRpc.getSchedule.subject)
  get(@Payload() request: GetScheduleRequest) {
    return this.schedules.get(request.tenantId, request.id);
  }

  @MessagePattern(BillingRpc.listSchedules.subject)
  list(@Payload() request: ListSchedulesRequest) {
    return this.schedules.list(request);
  }

  @MessagePattern(BillingRpc.previewSchedule.subject)
  preview(@Payload() request: PreviewScheduleRequest) {
    return this.schedules.preview(request);
  }

  @MessagePattern(BillingRpc.changeScheduleConfig.subject)
  changeConfig(@Payload() request: ChangeScheduleConfigRequest) {
    return this.schedules.changeConfig(request);
  }

  @MessagePattern(BillingRpc.reportScheduleState.subject)
  reportState(@Payload() request: ReportScheduleStateRequest) {
    return this.schedules.reportState(request);
  }
}
