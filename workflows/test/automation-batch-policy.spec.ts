import { batchDeliveryInput, qualifiesForAutoSend } from '../src/automation/batch-delivery/policy';

const tenant = { enabled: true, subject: '', template: 'original', body: '', recipients: 'all' };
const client = { active: true, autoSend: true, onlyWhenSeveral: false, channels: [] as string[] };

/** Seed 003: who gets a batch's automatic email. */
describe('automatic sending policy', () => {
  it.each([
    ['tenant all, client any count', tenant, client, 1, true],
    ['tenant off', { ...tenant, enabled: false }, client, 3, false],
    ['client off', tenant, { ...client, autoSend: false }, 3, false],
    ['client inactive', tenant, { ...client, active: false }, 3, false],
    ['tenant only_multiple, one invoice', { ...tenant, recipients: 'only_multiple' }, client, 1, false],
    ['tenant only_multiple, two invoices', { ...tenant, recipients: 'only_multiple' }, client, 2, true],
    ['client only when several, one invoice', tenant, { ...client, onlyWhenSeveral: true }, 1, false],
    ['client only when several, two invoices', tenant, { ...client, onlyWhenSeveral: true }, 2, true],
  ])('%s', (_name, t, c, invoices, expected) => {
    expect(qualifiesForAutoSend(t, c, invoices)).toBe(expected);
  });

  it('sends the batch invoices in one email, with the tenant subject and body, by the client preferred channels', () => {
    const input = batchDeliveryInput({
      batchId: 'alquileres-2026-11',
      tenantId: 't',
      clientId: 'c',
      invoiceIds: ['f1', 'f2'],
      tenant: { ...tenant, subject: 'Sus facturas de noviembre', template: 'last_used', body: 'Adjuntamos sus facturas.' },
      client: { ...client, channels: ['whatsapp', 'email', 'fax'] },
      includePortalLink: true,
    });
    expect(input).toMatchObject({
      origin: 'batch',
      templateKind: 'invoice',
      documentIds: ['f1', 'f2'],
      channels: ['whatsapp', 'email'],
      template: 'last_used',
      subject: 'Sus facturas de noviembre',
      body: 'Adjuntamos sus facturas.',
      email: { includeClient: true, contactIds: [], staffIds: [], extraEmails: [] },
      includePortalLink: true,
      originId: 'alquileres-2026-11',
    });
    const plain = batchDeliveryInput({ batchId: 'b', tenantId: 't', clientId: 'c', invoiceIds: ['f1'], tenant, client, includePortalLink: false });
    expect(plain.channels).toEqual(['email']);
    expect(plain).not.toHaveProperty('subject');
  });
});
