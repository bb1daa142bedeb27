import { BillingRpc, ClientsRpc, DOCUMENTS_RENDER_TIMEOUT_MS, DocumentsRpc, NOTIFICATIONS_SEND_TIMEOUT_MS, NotificationsRpc } from '@cobranza/contracts';
import type { RpcClient } from '@cobranza/platform';
import type { DeliveryRecipients, EmailAddressee } from '../document-delivery/shared';
import { refusalsAreFinal } from './failures';

/** Kinds that also travel as UBL XML. */
const XML_KINDS = ['invoice', 'credit_note'];

export function deliveryActivities(rpc: RpcClient) {
  return {
    /** The client's own addresses (when chosen), the chosen linked contacts, the chosen staff; each address once. */
    async resolveEmailAddressees(tenantId: string, clientId: string, documentKind: string, recipients: DeliveryRecipients): Promise<EmailAddressee[]> {
      const offered = await refusalsAreFinal(() => rpc.call(ClientsRpc.resolveRecipients, { tenantId, clientId, documentKind }));
      const chosen: EmailAddressee[] = [];
      for (const r of offered.recipients) {
        if (!r.email) continue;
        if ((r.source === 'client' && recipients.includeClient) || (r.source === 'contact' && recipients.contactIds.includes(r.contactId))) {
          chosen.push({ name: r.name || offered.clientName, email: r.email });
        }
      }
      for (const id of recipients.staffIds) {
        const staff = await refusalsAreFinal(() => rpc.call(ClientsRpc.getStaffMember, { tenantId, id }));
        if (staff.email) chosen.push({ name: staff.name, email: staff.email });
      }
      const seen = new Set<string>();
      return chosen.filter((a) => !seen.has(a.email.toLowerCase()) && seen.add(a.email.toLowerCase()));
    },

    /** PDF (and XML for invoices and credit notes) as artifacts, plus the template variables. */
    async renderDocumentFiles(tenantId: string, documentId: string) {
      const document = await refusalsAreFinal(() => rpc.call(BillingRpc.getDocument, { tenantId, id: documentId }));
      const formats = XML_KINDS.includes(document.kind) ? ['pdf', 'xml'] : ['pdf'];
      const artifactIds: string[] = [];
      for (const format of formats) {
        const reply = await refusalsAreFinal(() =>
          rpc.call(DocumentsRpc.renderSalesDocument, { tenantId, documentId, format }, { timeoutMs: DOCUMENTS_RENDER_TIMEOUT_MS }),
        );
        artifactIds.push(reply.artifact!.id);
      }
      return {
        artifactIds,
        variables: {
          documentLetter: document.letter,
          documentNumber: document.displayNumber,
          amount: document.total,
          currency: document.currency,
          dueDate: document.dueDate,
        },
      };
    },

    /** One email under a delivery key: notifications records the intent first and never sends a key twice. */
    async sendDocumentEmail(input: {
      tenantId: string;
      clientId: string;
      deliveryKey: string;
      documentKind: string;
      to: string;
      artifactIds: string[];
      variables: Record<string, string>;
    }) {
      const delivery = await refusalsAreFinal(() =>
        rpc.call(
          NotificationsRpc.sendEmail,
          {
            tenantId: input.tenantId,
            deliveryKey: input.deliveryKey,
            clientId: input.clientId,
            documentKind: input.documentKind,
            to: input.to,
            artifactIds: input.artifactIds,
            variables: input.variables,
          },
          { timeoutMs: NOTIFICATIONS_SEND_TIMEOUT_MS },
        ),
      );
      return {
        id: delivery.id,
        attempt: delivery.attempt,
        status: delivery.status,
        errorKind: delivery.errorKind,
        errorCode: delivery.errorCode,
        errorMessage: delivery.errorMessage,
      };
    },
  };
}
