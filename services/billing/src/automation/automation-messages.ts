import { FieldErrors, messageCatalog } from '@cobranza/platform';
import type { FieldProblem } from './domain/automation-rules';

/** What the automation settings tell people, in Spanish (default) and English. */
export const automationMessage = messageCatalog({
  es: {
    validation_failed: 'Los datos enviados no son válidos; revise los campos indicados.',
    'automation.template_invalid': 'La plantilla es original o last_used (la última usada), no {value}.',
    'automation.recipients_invalid': 'Los destinatarios son all (todos los clientes del lote) u only_multiple (solo los que recibieron más de una factura), no {value}.',
    'automation.too_long': 'Admite como máximo {max} caracteres.',
    'automation.day_rule_invalid': 'La regla de día es day_of_month (un día fijo) o last_day (el último día del mes), no {value}.',
    'automation.day_out_of_range': 'El día del mes debe estar entre 1 y 31.',
    'automation.cycle_out_of_range': 'El ciclo es un número entero de meses entre 1 y {max}, por ejemplo 1 (mensual).',
    'automation.time_invalid': 'La hora debe tener la forma hh:mm (24 horas), por ejemplo 08:00.',
    'automation.format_invalid': 'El formato es pdf o xlsx, no {value}.',
    'automation.rule_kind_invalid': 'El recordatorio es before (días antes del vencimiento), on (el día del vencimiento) o after (días después), no {value}.',
    'automation.rule_days_out_of_range': 'Los días antes o después del vencimiento deben estar entre 1 y {max}.',
    'automation.rule_on_days': 'Un recordatorio el día del vencimiento no lleva días (0).',
    'automation.rule_channel_invalid': 'El canal es email o whatsapp, no {value}.',
    'automation.rule_id_invalid': 'El identificador de la regla admite de 1 a 40 minúsculas, dígitos, guiones o guiones bajos, por ejemplo antes-3.',
    'automation.rule_id_duplicate': 'Otra regla ya usa el identificador {id}.',
    'automation.rule_duplicate': 'Ya hay una regla para ese mismo momento; cada momento se recuerda una sola vez.',
    'automation.too_many_rules': 'Admite como máximo {max} reglas.',
    'automation.rules_required': 'Para activar los recordatorios agregue al menos una regla.',
    'automation.as_of_invalid': 'La fecha debe tener la forma aaaa-mm-dd y existir, por ejemplo 2024-03-26.',
    'automation.at_invalid': 'El instante debe ser una fecha y hora ISO 8601, por ejemplo 2024-03-26T12:00:00Z.',
    'automation.claim_invalid': 'El reclamo necesita documento, regla, reclamante y fecha de la regla.',
  },
  en: {
    validation_failed: 'The data sent is not valid; check the fields listed.',
    'automation.template_invalid': 'The template is original or last_used, not {value}.',
    'automation.recipients_invalid': 'The recipients are all (every client of the batch) or only_multiple (only clients that got more than one invoice), not {value}.',
    'automation.too_long': 'At most {max} characters.',
    'automation.day_rule_invalid': 'The day rule is day_of_month (a fixed day) or last_day (the last day of the month), not {value}.',
    'automation.day_out_of_range': 'The day of the month must be between 1 and 31.',
    'automation.cycle_out_of_range': 'The cycle is a whole number of months between 1 and {max}, for example 1 (monthly).',
    'automation.time_invalid': 'The time must be hh:mm (24-hour), for example 08:00.',
    'automation.format_invalid': 'The format is pdf or xlsx, not {value}.',
    'automation.rule_kind_invalid': 'A reminder is before (days before the due date), on (on the due date) or after (days after), not {value}.',
    'automation.rule_days_out_of_range': 'The days before or after the due date must be between 1 and {max}.',
    'automation.rule_on_days': 'A reminder on the due date takes no days (0).',
    'automation.rule_channel_invalid': 'The channel is email or whatsapp, not {value}.',
    'automation.rule_id_invalid': 'The rule id takes 1 to 40 lowercase letters, digits, dashes or underscores, for example before-3.',
    'automation.rule_id_duplicate': 'Another rule already uses the id {id}.',
    'automation.rule_duplicate': 'Another rule is for the same moment; each moment is reminded once.',
    'automation.too_many_rules': 'At most {max} rules.',
    'automation.rules_required': 'Add at least one rule to turn reminders on.',
    'automation.as_of_invalid': 'The date must be an existing yyyy-mm-dd date, for example 2024-03-26.',
    'automation.at_invalid': 'The instant must be an ISO 8601 date and time, for example 2024-03-26T12:00:00Z.',
    'automation.claim_invalid': 'A claim needs the document, the rule, the claimant and the rule date.',
  },
});

/** Throws one validation_failed naming every problem, or nothing. */
export function throwProblems(problems: readonly FieldProblem[]): void {
  const errors = new FieldErrors(automationMessage);
  for (const p of problems) errors.add(p.field, p.code, p.params);
  errors.throwIfAny();
}
