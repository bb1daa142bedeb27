/**
 * Why a value was rejected: a stable code that API clients can branch on, plus the values the
 * localized message interpolates. Each service words the messages in its own catalog.
 */
export interface FieldProblem {
  code: string;
  params: Record<string, string>;
}

export const PHONE_PROBLEM_CODES = [
  'phone.required',
  'phone.invalid_characters',
  'phone.wrong_length',
  'phone.landline',
  'phone.unknown_prefix',
  'phone.invalid',
  'phone.not_mobile',
  'phone.country_unsupported',
] as const;

export const EMAIL_PROBLEM_CODES = ['email.required', 'email.invalid'] as const;

export type PhoneProblemCode = (typeof PHONE_PROBLEM_CODES)[number];
export type EmailProblemCode = (typeof EMAIL_PROBLEM_CODES)[number];
