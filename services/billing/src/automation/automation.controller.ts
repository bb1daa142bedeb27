import {
  AutomationRpc,
  type ClaimReminderRequest,
  type DueRemindersRequest,
  type GetAutomationSettingsRequest,
  type OpenBalancesRequest,
  type UpdateAutomationSettingsRequest,
} from '@cobranza/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AutomationSettingsUseCases } from './automation-settings.usecases';
import { OpenBalancesUseCase } from './open-balances.usecase';
import { RemindersUseCases } from './reminders.usecases';

@Controller()
export class AutomationController {
  constructor(
    private readonly settings: AutomationSettingsUseCases,
    private readonly openBalancesUseCase: OpenBalancesUseCase,
    private readonly reminders: RemindersUseCases,
  ) {}

  @MessagePattern(AutomationRpc.getSettings.subject)
  get(@Payload() request: GetAutomationSettingsRequest) {
    return this.settings.get(request.tenantId);
  }

  @MessagePattern(AutomationRpc.updateSettings.subject)
  update(@Payload() request: UpdateAutomationSettingsRequest) {
    return this.settings.update(request);
  }

  @MessagePattern(AutomationRpc.openBalances.subject)
  openBalances(@Payload() request: OpenBalancesRequest) {
    return this.openBalancesUseCase.execute(request);
  }

  @MessagePattern(AutomationRpc.dueReminders.subject)
  due(@Payload() request: DueRemindersRequest) {
    return this.reminders.due(request);
  }

  @MessagePattern(AutomationRpc.claimReminder.subject)
  claim(@Payload() request: ClaimReminderRequest) {
    return this.reminders.claim(request);
  }
}

/** What billing's module registers for the automations. */
export const AUTOMATION_PROVIDERS = [AutomationSettingsUseCases, OpenBalancesUseCase, RemindersUseCases];
