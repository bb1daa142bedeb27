import { ValidationError } from './errors';
import { messageLanguage } from './nats/correlation';

export type MessageParams = Record<string, string | number>;
export type Translate = (code: string, params?: MessageParams) => string;

/**
 * A service's messages in Spanish (the default) and English; the language is the current
 * request's Accept-Language, so use cases never pass it around.
 */
export function messageCatalog(messages: { es: Record<string, string>; en: Record<string, string> }): Translate {
  return (code, params = {}) => {
    const template = messages[messageLanguage()][code] ?? messages.es[code] ?? code;
    return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
  };
}

/** Collects every field problem of a request, so one answer names them all. */
export class FieldErrors {
  protected readonly problems: Record<string, string> = {};

  constructor(protected readonly translate: Translate) {}

  add(field: string, code: string, params: MessageParams = {}): void {
    this.problems[field] ??= this.translate(code, params);
  }

  get empty(): boolean {
    return Object.keys(this.problems).length === 0;
  }

  throwIfAny(): void {
    if (!this.empty) throw new ValidationError(this.translate('validation_failed'), this.problems);
  }
}
