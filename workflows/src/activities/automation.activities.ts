import { AutomationRpc, ClientsRpc } from '@cobranza/contracts';
import { DomainError, type RpcClient } from '@cobranza/platform';
import type { DeliveryChannel } from '../client-delivery/shared';
import { refusalsAreFinal } from './failures';

/** The client's preferred channels in order (seed 003's client settings); email when none. */
export function preferredChannels(channels: readonly string[] | undefined): DeliveryChannel[] {
  const known = (channels ?? []).filter((c): c is DeliveryChannel => c === 'email' || c === 'whatsapp');
  return known.length > 0 ? [...new Set(known)] : ['email'];
}

export interface OpenBalanceClient {
  clientId: string;
  openInvoiceIds: string[];
  channels: DeliveryChannel[];
}

export interface DueReminderItem {
  documentId: string;
  clientId: string;
  ruleId: string;
  ruleDate: string;
  channel: DeliveryChannel;
  attachStatement: boolean;
}

export function automationActivities(rpc: RpcClient) {
  return {
    /**
     * Clients with an open balance on the date (billing leaves out those with nothing open), with
     * their open invoices and preferred channels; `skipped` counts clients removed or inactive.
     */
    async listOpenBalances(tenantId: string, asOf: string): Promise<{ clients: OpenBalanceClient[]; skipped: number }> {
      const reply = await refusalsAreFinal(() => rpc.call(AutomationRpc.openBalances, { tenantId, asOf }, { timeoutMs: 120_000 }));
      const clients: OpenBalanceClient[] = [];
      let skipped = 0;
      for (const entry of reply.clients) {
        const client = await clientOrNull(rpc, tenantId, entry.clientId);
        if (!client || !client.active) {
          skipped += 1;
          continue;
        }
        clients.push({ clientId: entry.clientId, openInvoiceIds: [...entry.openInvoiceIds], channels: preferredChannels(client.delivery?.channels) });
      }
      return { clients, skipped };
    },

    /** The (invoice, rule) pairs due on the tenant's local date of the instant. */
    async dueReminders(tenantId: string, at: string): Promise<{ date: string; items: DueReminderItem[] }> {
      const reply = await refusalsAreFinal(() => rpc.call(AutomationRpc.dueReminders, { tenantId, at }, { timeoutMs: 60_000 }));
      return {
        date: reply.date,
        items: reply.items.map((i) => ({
          documentId: i.documentId,
          clientId: i.clientId,
          ruleId: i.rule!.id,
          ruleDate: i.ruleDate,
          channel: i.rule!.channel === 'whatsapp' ? 'whatsapp' : 'email',
          attachStatement: i.rule!.attachStatement,
        })),
      };
    },

    /** True when this claimant holds the pair's claim (also when it claimed it before). */
    async claimReminder(input: { tenantId: string; documentId: string; ruleId: string; claimant: string; ruleDate: string }): Promise<boolean> {
      const reply = await refusalsAreFinal(() => rpc.call(AutomationRpc.claimReminder, input));
      return reply.claimed;
    },
  };
}

async function clientOrNull(rpc: RpcClient, tenantId: string, id: string) {
  try {
    return await rpc.call(ClientsRpc.getClient, { tenantId, id });
  } catch (error) {
    if (error instanceof DomainError && error.status === 404) return null;
    throw error;
  }
}
