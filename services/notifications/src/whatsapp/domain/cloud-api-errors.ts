/** A Cloud API error as answered: `{"error": {"code", "message", "error_data", "fbtrace_id"}}`. */
export interface CloudApiErrorBody {
  code: number;
  message: string;
  details: string;
  httpStatus: number;
}

export type CloudApiErrorKind = 'transient' | 'permanent';

/** Codes worth retrying later (with backoff): unknown errors, outages, rate limits (../shared/whatsapp-cloud-api.md). */
const TRANSIENT_CODES = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131056, 131048]);
/** Codes that mean the file in the template's document header was not accepted. */
export const MEDIA_REFUSED_CODES = new Set([100, 131051, 131053, 132012]);

/**
 * Decide on the code, not on the HTTP status (the doc's rule); an answer without a code falls
 * back on the status: 429 and 5xx transient, anything else permanent.
 */
export function classifyCloudApiError(error: { code?: number; httpStatus: number }): CloudApiErrorKind {
  if (typeof error.code === 'number' && error.code !== 0) {
    if (TRANSIENT_CODES.has(error.code)) return 'transient';
    return 'permanent';
  }
  if (error.code === 0) return 'permanent';
  return error.httpStatus === 429 || error.httpStatus >= 500 ? 'transient' : 'permanent';
}

/** Reads an error answer; `undefined` when the body is not the Cloud API's error shape. */
export function parseCloudApiError(httpStatus: number, body: unknown): CloudApiErrorBody {
  const error = (body as { error?: { code?: unknown; message?: unknown; error_data?: { details?: unknown } } } | null)?.error;
  const code = typeof error?.code === 'number' ? error.code : -1;
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${httpStatus}`;
  const details = typeof error?.error_data?.details === 'string' ? error.error_data.details : '';
  return { code, message, details, httpStatus };
}
