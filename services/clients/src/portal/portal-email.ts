/**
 * The portal emails' own subject and body (notifications' template syntax: {{clientName}},
 * {{portalLink}}, {{companyName}}, {{customText}}), in Spanish and English. They are sent as the
 * sender's own text, so the tenant's statement template stays as it is.
 */
export const PORTAL_LINK_EMAIL = {
  es: {
    subject: 'Su estado de cuenta en línea - {{companyName}}',
    body: `Estimado cliente {{clientName}}:

Puede consultar su estado de cuenta en tiempo real, descargar sus facturas y reportarnos sus pagos en este enlace:

{{portalLink}}

{{customText}}

Atentamente

{{companyName}}`,
  },
  en: {
    subject: 'Your account statement online - {{companyName}}',
    body: `Dear client {{clientName}}:

You can see your account statement in real time, download your invoices and report your payments at this link:

{{portalLink}}

{{customText}}

Sincerely

{{companyName}}`,
  },
} as const;

export const PORTAL_RENEWAL_EMAIL = {
  es: {
    subject: 'Su nuevo enlace al estado de cuenta - {{companyName}}',
    body: `Estimado cliente {{clientName}}:

Recibimos una solicitud para renovar su acceso al estado de cuenta. Este es su nuevo enlace:

{{portalLink}}

{{customText}}

Si usted no lo solicitó, puede ignorar este mensaje.

Atentamente

{{companyName}}`,
  },
  en: {
    subject: 'Your new account statement link - {{companyName}}',
    body: `Dear client {{clientName}}:

We received a request to renew your access to your account statement. This is your new link:

{{portalLink}}

{{customText}}

If you did not ask for it, you can ignore this message.

Sincerely

{{companyName}}`,
  },
} as const;

/** "El enlace es personal y vence el 23/12/2026." in the message's language and the tenant's time zone. */
export function expiryText(expiresAt: Date, language: 'es' | 'en', timeZone: string): string {
  const date = new Intl.DateTimeFormat(language === 'en' ? 'en-CA' : 'es-VE', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(expiresAt);
  return language === 'en' ? `The link is personal and expires on ${date}.` : `El enlace es personal y vence el ${date}.`;
}
