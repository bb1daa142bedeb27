import { create, toBinary, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import { createHash } from 'node:crypto';

/** SHA-256 of a request's protobuf encoding: the same key with another request is refused. */
export function requestHash<S extends DescMessage>(schema: S, request: MessageShape<S>): string {
  return createHash('sha256').update(toBinary(schema, create(schema, request as never))).digest('hex');
}
