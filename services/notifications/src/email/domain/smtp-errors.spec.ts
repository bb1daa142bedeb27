import { classifySmtpError } from './smtp-errors';

const nodemailerError = (message: string, extra: Record<string, unknown>) => Object.assign(new Error(message), extra);

describe('classifySmtpError', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['4xx at DATA', { code: 'EMESSAGE', responseCode: 451, response: '451 4.3.0 try later', command: 'DATA' }, 'transient', 'smtp.451'],
    ['421 at connect', { code: 'EPROTOCOL', responseCode: 421, command: 'CONN' }, 'transient', 'smtp.421'],
    ['450 mailbox busy at RCPT', { code: 'EENVELOPE', responseCode: 450, command: 'RCPT TO' }, 'transient', 'smtp.450'],
    ['550 unknown mailbox', { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' }, 'permanent', 'smtp.550'],
    ['554 refused at DATA', { code: 'EMESSAGE', responseCode: 554, command: 'DATA' }, 'permanent', 'smtp.554'],
    ['535 bad login', { code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' }, 'permanent', 'smtp.535'],
    ['connection refused', { code: 'ESOCKET', command: 'CONN', message: 'connect ECONNREFUSED 127.0.0.1:25' }, 'transient', 'smtp.ESOCKET'],
    ['DNS failure', { code: 'EDNS', command: 'CONN', message: 'getaddrinfo ENOTFOUND smtp.nowhere' }, 'transient', 'smtp.EDNS'],
    ['connection timeout', { code: 'ETIMEDOUT', command: 'CONN', message: 'Connection timeout' }, 'transient', 'smtp.ETIMEDOUT'],
    ['no greeting', { code: 'ETIMEDOUT', command: 'CONN', message: 'Greeting never received' }, 'transient', 'smtp.ETIMEDOUT'],
    ['socket timeout mid-session', { code: 'ETIMEDOUT', command: 'CONN', message: 'Timeout' }, 'unknown', 'smtp.ETIMEDOUT'],
    ['closed mid-session', { code: 'ECONNECTION', command: 'CONN', message: 'Connection closed unexpectedly' }, 'unknown', 'smtp.ECONNECTION'],
  ])('%s', (_name, fields, kind, code) => {
    const message = (fields.message as string) ?? 'SMTP error';
    expect(classifySmtpError(nodemailerError(message, fields))).toMatchObject({ kind, code });
  });
});
