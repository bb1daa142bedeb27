import { DOCUMENT_KINDS } from '@cobranza/contracts';
import { normalizeEmail } from '@cobranza/contact-rules';
import { normalizeWhatsAppNumber } from '@cobranza/contact-rules';
import type { FieldErrors } from '../common/errors';

export interface ContactFields {
  name: string;
  email: string;
  phone: string;
  phoneE164: string;
}

/** A contact's phone is validated as a mobile number of the tenant's country. */
export function normalizeContactFields(
  raw: { name: string; email: string; phone: string },
  country: string,
  errors: FieldErrors,
  prefix = '',
): ContactFields {
  const fields: ContactFields = { name: raw.name.trim(), email: raw.email.trim(), phone: '', phoneE164: '' };
  if (!fields.name) errors.add(`${prefix}name`, 'required');
  if (fields.name.length > 200) errors.add(`${prefix}name`, 'too_long', { max: 200 });
  fields.email = errors.take(`${prefix}email`, normalizeEmail(raw.email)) ?? fields.email;
  if (raw.phone.trim()) {
    const number = errors.take(`${prefix}phone`, normalizeWhatsAppNumber(raw.phone, country));
    if (number) {
      fields.phone = number.national;
      fields.phoneE164 = number.e164;
    }
  }
  return fields;
}

export interface LinkFields {
  department: string;
  role: string;
  offeredForAll: boolean;
  documentKinds: string[];
}

export function normalizeLinkFields(raw: LinkFields, errors: FieldErrors): LinkFields {
  const fields: LinkFields = {
    department: raw.department.trim(),
    role: raw.role.trim(),
    offeredForAll: raw.offeredForAll,
    documentKinds: [...new Set(raw.documentKinds.map((k) => k.trim().toLowerCase()).filter(Boolean))],
  };
  if (fields.department.length > 100) errors.add('department', 'too_long', { max: 100 });
  if (fields.role.length > 100) errors.add('role', 'too_long', { max: 100 });
  for (const kind of fields.documentKinds) {
    if (!(DOCUMENT_KINDS as readonly string[]).includes(kind))
      errors.add('documentKinds', 'document_kind_invalid', { value: kind, allowed: DOCUMENT_KINDS.join(', ') });
  }
  if (!fields.offeredForAll && fields.documentKinds.length === 0) errors.add('documentKinds', 'document_kinds_required');
  if (fields.offeredForAll) fields.documentKinds = [];
  return fields;
}
