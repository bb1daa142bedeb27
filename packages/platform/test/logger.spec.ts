import { Writable } from 'node:stream';
import { createLogger } from '../src/logger';
import { withRequestScope } from '../src/nats/correlation';

/** Captures what a logger built like createLogger's writes, one JSON object per line. */
function capture(): { lines: Array<Record<string, unknown>>; stream: Writable } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('names the service, adds the request\'s correlation id, and redacts secrets and recipients at the top and two levels down', () => {
    const { lines, stream } = capture();
    const logger = createLogger('notifications', stream);
    logger.level = 'info'; // the test run sets LOG_LEVEL=warn
    withRequestScope({ correlationId: 'corr-123' }, () =>
      logger.info(
        {
          to: 'cobranzas@infotax.com.ve',
          smtp: { password: 'hunter2', user: 'facturacion' },
          delivery: { recipients: ['+584247181811'], copyTo: 'yo@infotax.com.ve', status: 'accepted' },
          whatsapp: { accessToken: 'EAAG123' },
        },
        'sent',
      ),
    );
    logger.info('outside any request');
    expect(lines[0]).toMatchObject({
      service: 'notifications',
      correlationId: 'corr-123',
      to: '[redacted]',
      smtp: { password: '[redacted]', user: 'facturacion' },
      delivery: { recipients: '[redacted]', copyTo: '[redacted]', status: 'accepted' },
      whatsapp: '[redacted]',
      msg: 'sent',
    });
    expect(JSON.stringify(lines)).not.toMatch(/infotax\.com\.ve|hunter2|EAAG123|4247181811/);
    expect(lines[1].correlationId).toBeUndefined();
  });
});
