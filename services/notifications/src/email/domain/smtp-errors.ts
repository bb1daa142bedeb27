/** What a failed SMTP send means for the caller. */
export interface SmtpFailure {
  /**
   * transient: the server certainly did not take the message (it could not be reached, or it
   * answered 4xx); the same delivery key may be tried again. permanent: 5xx, retrying changes
   * nothing. unknown: the connection broke while the message may have been handed over, so it
   * may have been accepted: never resent automatically.
   */
  kind: 'transient' | 'permanent' | 'unknown';
  /** smtp.<reply code> (smtp.550) or smtp.<client error code> (smtp.ECONNECTION). */
  code: string;
  message: string;
}

/** The server was never reached or never greeted us: it cannot have the message. */
const NEVER_CONNECTED = /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|Connection timeout|Greeting never received/i;

/**
 * nodemailer errors carry `responseCode` when the server answered, and `code` (ECONNECTION,
 * EDNS, ESOCKET, ETIMEDOUT...) when the connection failed. Socket errors are all reported for the
 * connection as a whole, so a broken connection is transient only when it never got going.
 */
export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (error ?? {}) as { code?: string; responseCode?: number; command?: string; response?: string; message?: string };
  const message = (e.response || e.message || 'SMTP error').slice(0, 1000);
  const reply = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  if (reply !== undefined && reply >= 400 && reply < 500) return { kind: 'transient', code: `smtp.${reply}`, message };
  if (reply !== undefined && reply >= 500 && reply < 600) return { kind: 'permanent', code: `smtp.${reply}`, message };
  const code = e.code ? `smtp.${e.code}` : 'smtp.error';
  if (e.code === 'EDNS' || NEVER_CONNECTED.test(e.message ?? '')) return { kind: 'transient', code, message };
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE' || e.code === 'EAUTH') return { kind: 'permanent', code, message };
  return { kind: 'unknown', code, message };
}
