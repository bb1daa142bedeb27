// The contact rules (problem codes included) live in @cobranza/contact-rules, shared with the
// services that send; they are re-exported here for the clients service's own fields.
export { EMAIL_PROBLEM_CODES, PHONE_PROBLEM_CODES, type EmailProblemCode, type FieldProblem, type PhoneProblemCode } from '@cobranza/contact-rules';
