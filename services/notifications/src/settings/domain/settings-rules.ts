import { TEMPLATE_KINDS } from '../../templates/domain/built-in-templates';
import { normalizeEmail } from '@cobranza/contact-rules';

export const TLS_MODES = ['starttls', 'tls', 'none'] as const;

export interface Problem {
  field: string;
  code: string;
  params?: Record<string, string>;
}

export interface SmtpInput {
  host: string;
  port: number;
  tlsMode: string;
  user: string;
  password?: string;
  fromAddress: string;
}

const HOST = /^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\d{1,3}(\.\d{1,3}){3}$/;

/** The SMTP settings' problems, one per field; an empty list means they can be stored. */
export function checkSmtpInput(input: SmtpInput): Problem[] {
  const problems: Problem[] = [];
  if (!HOST.test(input.host.trim())) problems.push({ field: 'smtp.host', code: 'settings.host_invalid' });
  if (!Number.isInteger(input.port) || input.port < 1 || input.port > 65535) problems.push({ field: 'smtp.port', code: 'settings.port_invalid' });
  if (!(TLS_MODES as readonly string[]).includes(input.tlsMode)) problems.push({ field: 'smtp.tlsMode', code: 'settings.tls_mode_invalid', params: { value: input.tlsMode } });
  if (input.user.length > 254) problems.push({ field: 'smtp.user', code: 'too_long', params: { max: '254' } });
  if (input.password !== undefined && input.password.length > 500) problems.push({ field: 'smtp.password', code: 'too_long', params: { max: '500' } });
  const from = normalizeEmail(input.fromAddress);
  if (!from.ok) problems.push({ field: 'smtp.fromAddress', code: from.problem.code === 'email.required' ? 'required' : 'email.invalid', params: { input: input.fromAddress.trim() } });
  return problems;
}

export interface WhatsAppInput {
  phoneNumberId: string;
  accessToken?: string;
  appSecret?: string;
  verifyToken?: string;
  templates: Array<{ documentKind: string; name: string; linkName: string; language: string }>;
  apiBaseUrl: string;
  apiVersion: string;
}

const TEMPLATE_NAME = /^[a-z0-9_]{1,512}$/;
const LANGUAGE_CODE = /^[a-z]{2,3}(_[A-Z]{2})?$/;

export function checkWhatsAppInput(input: WhatsAppInput): Problem[] {
  const problems: Problem[] = [];
  if (!/^\d{5,30}$/.test(input.phoneNumberId)) problems.push({ field: 'whatsapp.phoneNumberId', code: 'settings.phone_number_id_invalid' });
  for (const name of ['accessToken', 'appSecret', 'verifyToken'] as const) {
    const value = input[name];
    if (value !== undefined && (value === '' || value.trim() !== value || value.length > 1000)) problems.push({ field: `whatsapp.${name}`, code: 'settings.secret_invalid' });
  }
  if (input.apiBaseUrl && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(input.apiBaseUrl)) problems.push({ field: 'whatsapp.apiBaseUrl', code: 'settings.url_invalid' });
  if (input.apiVersion && !/^v\d{1,3}\.\d{1,2}$/.test(input.apiVersion)) problems.push({ field: 'whatsapp.apiVersion', code: 'settings.api_version_invalid' });
  const seen = new Set<string>();
  input.templates.forEach((t, i) => {
    const at = `whatsapp.templates[${i}]`;
    if (!(TEMPLATE_KINDS as readonly string[]).includes(t.documentKind))
      problems.push({ field: `${at}.documentKind`, code: 'kind.invalid', params: { value: t.documentKind, allowed: TEMPLATE_KINDS.join(', ') } });
    else if (seen.has(t.documentKind)) problems.push({ field: `${at}.documentKind`, code: 'settings.duplicate_kind' });
    seen.add(t.documentKind);
    if (!TEMPLATE_NAME.test(t.name)) problems.push({ field: `${at}.name`, code: 'settings.template_name_invalid' });
    if (t.linkName && !TEMPLATE_NAME.test(t.linkName)) problems.push({ field: `${at}.linkName`, code: 'settings.template_name_invalid' });
    if (t.language && !LANGUAGE_CODE.test(t.language)) problems.push({ field: `${at}.language`, code: 'language.invalid', params: { value: t.language } });
  });
  return problems;
}

/** The last 4 characters of a secret, the most that is ever shown of it. */
export const last4 = (secret: string): string => (secret.length >= 12 ? secret.slice(-4) : '');
