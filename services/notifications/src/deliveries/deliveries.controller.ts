import { NotificationsRpc, type GetDeliveryRequest, type ListDeliveriesRequest } from '@cobranza/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { NotificationTenants } from '../tenants/notification-tenants';
import { toDeliveryMessage } from './delivery.mapper';
import { DeliveryLog } from './delivery-log';

/** The delivery log: what was sent, to whom, and what became of it. */
@Controller()
export class DeliveriesController {
  constructor(
    private readonly log: DeliveryLog,
    private readonly tenants: NotificationTenants,
  ) {}

  @MessagePattern(NotificationsRpc.listDeliveries.subject)
  async list(@Payload() request: ListDeliveriesRequest) {
    const tenant = await this.tenants.get(request.tenantId);
    // Interrupted intents are shown as "unknown" as soon as their lease is over.
    await this.log.expireStale({ tenantId: tenant.id });
    return this.log.list(request, tenant.timezone);
  }

  @MessagePattern(NotificationsRpc.getDelivery.subject)
  async get(@Payload() request: GetDeliveryRequest) {
    const { delivery, history } = await this.log.get(request.tenantId, request.id);
    return toDeliveryMessage(delivery, history);
  }
}
