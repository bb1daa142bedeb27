import { classifyCloudApiError, parseCloudApiError } from './cloud-api-errors';
import { toE164 } from './phone';
import { parseStatuses, signBody, verifySignature } from './webhook';

describe('classifyCloudApiError', () => {
  it.each<[number | undefined, number, string]>([
    [130429, 429, 'transient'],
    [4, 400, 'transient'],
    [80007, 400, 'transient'],
    [131056, 400, 'transient'],
    [131016, 503, 'transient'],
    [2, 503, 'transient'],
    [1, 500, 'transient'],
    [131000, 500, 'transient'],
    [131026, 400, 'permanent'],
    [131047, 400, 'permanent'],
    [132001, 404, 'permanent'],
    [132012, 400, 'permanent'],
    [100, 400, 'permanent'],
    [190, 401, 'permanent'],
    [368, 403, 'permanent'],
    [133010, 400, 'permanent'],
    [undefined, 502, 'transient'],
    [undefined, 429, 'transient'],
    [undefined, 404, 'permanent'],
  ])('code %s (HTTP %s) is %s', (code, httpStatus, kind) => {
    expect(classifyCloudApiError({ code, httpStatus })).toBe(kind);
  });

  it('reads the Graph error body', () => {
    const body = { error: { message: '(#131026) Message undeliverable', type: 'OAuthException', code: 131026, error_data: { details: 'not a WhatsApp user' }, fbtrace_id: 'x' } };
    expect(parseCloudApiError(400, body)).toEqual({ code: 131026, message: '(#131026) Message undeliverable', details: 'not a WhatsApp user', httpStatus: 400 });
    expect(parseCloudApiError(502, '<html>Bad gateway</html>')).toMatchObject({ code: -1, message: 'HTTP 502' });
  });
});

describe('toE164', () => {
  it.each<[string, string | undefined]>([
    ['04247181811', '+584247181811'],
    ['0424-718.18.11', '+584247181811'],
    ['+584247181811', '+584247181811'],
    ['+58 424 718 1811', '+584247181811'],
    ['+57 300 123 4567', '+573001234567'],
    ['02125551234', undefined],
    ['4247181811', undefined],
    ['+0424', undefined],
    ['', undefined],
  ])('%s → %s', (input, expected) => expect(toE164(input)).toBe(expected));
});

describe('webhook signature', () => {
  const body = Buffer.from('{"object":"whatsapp_business_account","entry":[{"x":"Pe\\u00f1a"}]}');
  const secret = 'app-secret';

  it('accepts the HMAC of the exact bytes, in either hex case', () => {
    const signature = signBody(body, secret);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(body, signature, secret)).toBe(true);
    expect(verifySignature(body, signature.toUpperCase().replace('SHA256=', 'sha256='), secret)).toBe(true);
  });

  it('refuses a missing, malformed, other-secret or other-body signature', () => {
    const signature = signBody(body, secret);
    expect(verifySignature(body, '', secret)).toBe(false);
    expect(verifySignature(body, 'sha256=', secret)).toBe(false);
    expect(verifySignature(body, signature.replace('sha256=', 'sha1='), secret)).toBe(false);
    expect(verifySignature(body, signBody(body, 'other'), secret)).toBe(false);
    // The same JSON written differently (the escape decoded) is another body.
    expect(verifySignature(Buffer.from(JSON.stringify(JSON.parse(body.toString()))), signature, secret)).toBe(false);
  });
});

describe('parseStatuses', () => {
  it('takes every status of every entry, with its callback data and first error', () => {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        {
          changes: [
            {
              value: {
                statuses: [
                  { id: 'wamid.1', status: 'delivered', timestamp: '1751142888', recipient_id: '584247181811', biz_opaque_callback_data: 'clave-1' },
                  { id: 'wamid.2', status: 'failed', timestamp: '1751142889', errors: [{ code: 131026, title: 'Message undeliverable', error_data: { details: 'no WhatsApp' } }] },
                  { id: 'wamid.3', status: 'played', timestamp: '1751142890' },
                ],
                messages: [{ from: '584247181811', text: { body: 'hola' } }],
              },
            },
          ],
        },
      ],
    };
    expect(parseStatuses(payload)).toEqual([
      { messageId: 'wamid.1', status: 'delivered', occurredAt: new Date(1751142888000), recipientId: '584247181811', callbackData: 'clave-1', errorCode: '', errorMessage: '' },
      { messageId: 'wamid.2', status: 'failed', occurredAt: new Date(1751142889000), recipientId: '', callbackData: '', errorCode: 'whatsapp.131026', errorMessage: 'Message undeliverable: no WhatsApp' },
    ]);
    expect(parseStatuses({ entry: 'x' })).toEqual([]);
    expect(parseStatuses(null)).toEqual([]);
  });
});
