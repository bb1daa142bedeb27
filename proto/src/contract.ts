import type { DescMessage } from '@bufbuild/protobuf';

/**
 * A request/reply subject with the protobuf messages it carries. Request subjects live under
 * `rpc.`, event subjects under `evt.`, so no JetStream stream ever captures a request.
 */
export interface RpcContract<Req extends DescMessage = DescMessage, Res extends DescMessage = DescMessage> {
  readonly subject: string;
  readonly request: Req;
  readonly reply: Res;
}

/** An event subject and its payload, published on JetStream through each service's outbox. */
export interface EventContract<Payload extends DescMessage = DescMessage> {
  readonly subject: string;
  readonly payload: Payload;
}

export function rpc<Req extends DescMessage, Res extends DescMessage>(
  subject: string,
  request: Req,
  reply: Res,
): RpcContract<Req, Res> {
  if (!subject.startsWith('rpc.')) throw new Error(`request subject must start with "rpc.": ${subject}`);
  return { subject, request, reply };
}

export function event<Payload extends DescMessage>(subject: string, payload: Payload): EventContract<Payload> {
  if (!subject.startsWith('evt.')) throw new Error(`event subject must start with "evt.": ${subject}`);
  return { subject, payload };
}
