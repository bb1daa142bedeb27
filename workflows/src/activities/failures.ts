import { DomainError } from '@cobranza/platform';
import { ApplicationFailure } from '@temporalio/activity';

/** The details a refusal carries through Temporal, so callers get the service's code and message back. */
export interface RefusalDetails {
  code: string;
  status: number;
  fields: Record<string, string>;
}

/**
 * A service's refusal (a 4xx DomainError: invalid, not found, conflict) will not change on retry:
 * it becomes a non-retryable failure. Anything else (503, timeouts) is left to the retry policy.
 */
export async function refusalsAreFinal<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DomainError && error.status < 500) {
      const details: RefusalDetails = { code: error.code, status: error.status, fields: error.details };
      throw ApplicationFailure.create({ type: error.code, message: error.message, details: [details], nonRetryable: true });
    }
    throw error;
  }
}
