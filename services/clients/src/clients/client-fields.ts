import { CLIENT_KINDS, DELIVERY_CHANNELS } from '@cobranza/contracts';
import type { FieldErrors } from '../common/errors';
import { normalizeEmail } from '@cobranza/contact-rules';
import { normalizeWhatsAppNumber } from '@cobranza/contact-rules';

/** The editable fields of a client, after normalization. */
export interface ClientFields {
  code: string;
  kind: string;
  legalName: string;
  taxId: string;
  address: string;
  country: string;
  currency: string;
  emails: string[];
  whatsapp: string;
  whatsappE164: string;
  notes: string;
  active: boolean;
  autoSend: boolean;
  onlyWhenSeveral: boolean;
  channels: string[];
}

export const CLIENT_CODE = /^[A-Z0-9][A-Z0-9.-]{0,19}$/;

/** Checks and normalizes every field, recording each problem under its field name. */
export function normalizeClientFields(raw: Omit<ClientFields, 'whatsappE164'>, errors: FieldErrors): ClientFields {
  const fields: ClientFields = {
    ...raw,
    code: raw.code.trim().toUpperCase(),
    kind: raw.kind.trim() || 'client',
    legalName: raw.legalName.trim(),
    taxId: raw.taxId.trim(),
    address: raw.address.trim(),
    country: raw.country.trim().toUpperCase(),
    currency: raw.currency.trim().toUpperCase(),
    notes: raw.notes.trim(),
    whatsapp: '',
    whatsappE164: '',
    emails: [],
    channels: [...new Set(raw.channels.map((c) => c.trim().toLowerCase()).filter(Boolean))],
  };
  if (fields.code && !CLIENT_CODE.test(fields.code)) errors.add('code', 'code_invalid');
  if (!(CLIENT_KINDS as readonly string[]).includes(fields.kind)) errors.add('kind', 'kind_invalid');
  if (!fields.legalName) errors.add('legalName', 'required');
  if (fields.legalName.length > 200) errors.add('legalName', 'too_long', { max: 200 });
  if (fields.taxId.length > 40) errors.add('taxId', 'too_long', { max: 40 });
  if (fields.address.length > 500) errors.add('address', 'too_long', { max: 500 });
  if (fields.notes.length > 2000) errors.add('notes', 'too_long', { max: 2000 });
  if (!/^[A-Z]{2}$/.test(fields.country)) errors.add('country', 'country_invalid');
  if (!/^[A-Z]{3}$/.test(fields.currency)) errors.add('currency', 'currency_invalid');
  const seen = new Set<string>();
  raw.emails.forEach((email, index) => {
    const value = errors.take(`emails[${index}]`, normalizeEmail(email));
    if (value && !seen.has(value.toLowerCase())) {
      seen.add(value.toLowerCase());
      fields.emails.push(value);
    }
  });
  if (raw.whatsapp.trim() && /^[A-Z]{2}$/.test(fields.country)) {
    const number = errors.take('whatsapp', normalizeWhatsAppNumber(raw.whatsapp, fields.country));
    if (number) {
      fields.whatsapp = number.national;
      fields.whatsappE164 = number.e164;
    }
  }
  for (const channel of fields.channels) {
    if (!(DELIVERY_CHANNELS as readonly string[]).includes(channel)) errors.add('delivery.channels', 'channel_invalid', { value: channel });
  }
  return fields;
}
