import { create, toBinary, type DescMessage, type MessageInitShape } from '@bufbuild/protobuf';
import type { EventContract } from '@cobranza/contracts';
import type { EntityManager } from '@mikro-orm/core';
import { CORRELATION_HEADER, currentCorrelationId } from '../nats/correlation';
import { injectTraceContext } from '../observability/tracing';
import { OutboxEvent } from './outbox-event.entity';

/** Adds the event to the unit of work: it is stored by the same flush that stores the change. */
export function recordEvent<P extends DescMessage>(em: EntityManager, contract: EventContract<P>, payload: MessageInitShape<P>): OutboxEvent {
  const event = new OutboxEvent();
  event.subject = contract.subject;
  event.payload = Buffer.from(toBinary(contract.payload, create(contract.payload, payload)));
  const correlationId = currentCorrelationId();
  event.headers = correlationId ? { [CORRELATION_HEADER]: correlationId } : {};
  // The consumer's work continues the trace of the request that caused the event.
  injectTraceContext((key, value) => (event.headers[key] = value));
  em.persist(event);
  return event;
}
