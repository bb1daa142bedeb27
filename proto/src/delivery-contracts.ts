import { DeliveryCommandRequestSchema, DeliveryRuntimeStateSchema, StartDeliveryRequestSchema } from './gen/cobranza/workflows/v1/delivery_pb';
import { rpc } from './contract';

export * from './gen/cobranza/workflows/v1/delivery_pb';

/**
 * Client deliveries (statements and documents by e-mail and WhatsApp), answered by the worker:
 * start validates at once and starts the workflow; the others query or update it.
 */
export const DeliveryRpc = {
  start: rpc('rpc.workflows.delivery.start', StartDeliveryRequestSchema, DeliveryRuntimeStateSchema),
  state: rpc('rpc.workflows.delivery.state', DeliveryCommandRequestSchema, DeliveryRuntimeStateSchema),
  retryNow: rpc('rpc.workflows.delivery.retry_now', DeliveryCommandRequestSchema, DeliveryRuntimeStateSchema),
  changeRecipient: rpc('rpc.workflows.delivery.change_recipient', DeliveryCommandRequestSchema, DeliveryRuntimeStateSchema),
  cancel: rpc('rpc.workflows.delivery.cancel', DeliveryCommandRequestSchema, DeliveryRuntimeStateSchema),
} as const;

/** Starting renders nothing (the workflow does), but validation asks several services. */
export const DELIVERY_START_TIMEOUT_MS = 30_000;
