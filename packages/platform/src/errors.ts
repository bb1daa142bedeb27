/**
 * A failure the caller can act on, with a stable machine-readable code (`client.not_found`),
 * a message for people, and the HTTP status the gateway answers with. Thrown by use cases,
 * carried over NATS as an ErrorReply, and rendered by the gateway as problem+json.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 422,
    readonly details: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details: Record<string, string> = {}) {
    super('validation_failed', message, 400, details);
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 404);
  }
}

/** The callee could not be reached: nobody listens on the subject, or it did not answer in time. */
export class ServiceUnavailableError extends DomainError {
  constructor(
    readonly subject: string,
    readonly reason: 'no_responders' | 'timeout',
  ) {
    super(
      reason === 'no_responders' ? 'service.unavailable' : 'service.timeout',
      reason === 'no_responders'
        ? `No service is answering ${subject}; try again shortly.`
        : `The service behind ${subject} did not answer in time; try again shortly.`,
      503,
    );
  }
}
