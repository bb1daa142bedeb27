import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { ErrorReplySchema } from '@cobranza/contracts';
import { DomainError } from '../errors';

/** Header the server sets on error replies (the NATS Services API convention). */
export const SERVICE_ERROR_CODE_HEADER = 'Nats-Service-Error-Code';

export function encodeError(error: DomainError): Uint8Array {
  return toBinary(
    ErrorReplySchema,
    create(ErrorReplySchema, { code: error.code, message: error.message, status: error.status, details: error.details }),
  );
}

export function decodeError(data: Uint8Array): DomainError {
  const reply = fromBinary(ErrorReplySchema, data);
  return new DomainError(reply.code, reply.message, reply.status || 500, { ...reply.details });
}
