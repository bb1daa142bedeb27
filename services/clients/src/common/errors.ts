import { DomainError, FieldErrors as BaseFieldErrors, messageLanguage, NotFoundError } from '@cobranza/platform';
import type { FieldProblem } from '../clients/domain/field-problem';
import { localizeProblem } from '../clients/domain/messages';
import { message } from './messages';

type Result<T> = { ok: true; value: T } | { ok: false; problem: FieldProblem };

/** Field problems of a request, in the clients service's messages, plus the domain validators' results. */
export class FieldErrors extends BaseFieldErrors {
  constructor() {
    super(message);
  }

  /** Unwraps a validator's result, recording its localized problem under `field`. */
  take<T>(field: string, result: Result<T>): T | undefined {
    if (result.ok) return result.value;
    this.problems[field] ??= localizeProblem(result.problem, messageLanguage());
    return undefined;
  }
}

export const notFound = (code: string): NotFoundError => new NotFoundError(code, message(code));
export const conflict = (code: string, params: Record<string, string> = {}): DomainError =>
  new DomainError(code, message(code, params), 409);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids are UUIDs; anything else cannot exist, so it is answered like an unknown id. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
