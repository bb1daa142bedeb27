import { workflowIdOfDeliveryKey } from '../src/client-delivery/shared';

/** A WhatsApp status webhook reaches the workflow that sent the message through its delivery key. */
describe('workflowIdOfDeliveryKey', () => {
  it.each([
    ['document-delivery:6ab37193-c1bd-4d3b-baaf-ad2345339c07:email:1', 'document-delivery:6ab37193-c1bd-4d3b-baaf-ad2345339c07'],
    ['statement-delivery:d7d9103c-dac7-4513-bb4b-727d02499d3a:req-42:whatsapp:2', 'statement-delivery:d7d9103c-dac7-4513-bb4b-727d02499d3a:req-42'],
    ['batch-delivery:b1:c1:whatsapp:1', 'batch-delivery:b1:c1'],
    ['scheduled-statement:t1:2026-11-30:c1:whatsapp:1', 'scheduled-statement:t1:2026-11-30:c1'],
    ['reminder:doc-1:after-5:whatsapp:1', 'reminder:doc-1:after-5'],
    ['document-send:doc-1:k1:failure-notice', 'document-send:doc-1:k1'],
  ])('%s belongs to %s', (key, workflowId) => {
    expect(workflowIdOfDeliveryKey(key)).toBe(workflowId);
  });

  it.each(['portal-renewal:abc', 'payment-report:abc', 'recurring-schedule:abc:whatsapp:1', 'document-delivery:abc'])('%s belongs to no delivery workflow', (key) => {
    expect(workflowIdOfDeliveryKey(key)).toBeUndefined();
  });
});
