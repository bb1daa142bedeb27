import { fromBinary } from '@bufbuild/protobuf';
import { NotificationsEvents } from '@cobranza/contracts';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { JsMsg } from 'nats';
import { deliveryStatusChangedSignal, workflowIdOfDeliveryKey } from '../client-delivery/shared';

/**
 * evt.notifications.delivery.updated -> the signal deliveryStatusChanged on the workflow whose id
 * prefixes the delivery key (`<workflowId>:whatsapp:<n>`). A closed or unknown workflow is
 * ignored: the event changes nothing there, and redeliveries are harmless (the workflow keeps
 * the latest status per delivery id).
 */
export function deliveryUpdatedHandler(client: Client) {
  return async (msg: JsMsg): Promise<void> => {
    const { delivery } = fromBinary(NotificationsEvents.deliveryUpdated.payload, msg.data);
    if (!delivery) return;
    const workflowId = workflowIdOfDeliveryKey(delivery.deliveryKey);
    if (!workflowId) return;
    try {
      await client.workflow.getHandle(workflowId).signal(deliveryStatusChangedSignal, {
        deliveryKey: delivery.deliveryKey,
        deliveryId: delivery.id,
        status: delivery.status,
        errorCode: delivery.errorCode,
        errorMessage: delivery.errorMessage,
        errorKind: delivery.errorKind,
      });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return;
      throw error;
    }
  };
}
