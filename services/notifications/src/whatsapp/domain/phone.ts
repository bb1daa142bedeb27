const E164 = /^\+[1-9]\d{7,14}$/;
const VE_MOBILE = /^04(12|14|16|22|24|26)\d{7}$/;

/**
 * The number the Cloud API is sent: E.164 with "+". Accepts E.164 (spaces, dots and dashes are
 * dropped) and the Venezuelan national mobile form of seed 000 (04247181811 → +584247181811).
 */
export function toE164(input: string): string | undefined {
  const compact = input.trim().replace(/[\s.()-]/g, '');
  if (VE_MOBILE.test(compact)) return `+58${compact.slice(1)}`;
  if (E164.test(compact)) return compact;
  return undefined;
}

/** The digits only, as webhooks name the recipient (`recipient_id`, `wa_id`). */
export const waId = (e164: string): string => e164.replace(/^\+/, '');
