import type { MessageInitShape } from '@bufbuild/protobuf';
import type { ClientSchema } from '@cobranza/contracts';
import { searchable } from '../common/text';
import type { ClientFields } from './client-fields';
import type { Client } from './client.entity';

export function toClientMessage(client: Client): MessageInitShape<typeof ClientSchema> {
  return {
    id: client.id,
    tenantId: client.tenantId,
    code: client.code,
    kind: client.kind,
    legalName: client.legalName,
    taxId: client.taxId,
    address: client.address,
    country: client.country,
    currency: client.currency,
    emails: client.emails,
    whatsapp: client.whatsapp,
    whatsappE164: client.whatsappE164,
    notes: client.notes,
    active: client.active,
    delivery: { autoSend: client.autoSend, onlyWhenSeveral: client.onlyWhenSeveral, channels: client.channels },
    createdAt: client.createdAt.toISOString(),
    updatedAt: client.updatedAt.toISOString(),
  };
}

export function fieldsOf(client: Client): Omit<ClientFields, 'whatsappE164'> {
  return {
    code: client.code,
    kind: client.kind,
    legalName: client.legalName,
    taxId: client.taxId,
    address: client.address,
    country: client.country,
    currency: client.currency,
    emails: client.emails,
    whatsapp: client.whatsapp,
    notes: client.notes,
    active: client.active,
    autoSend: client.autoSend,
    onlyWhenSeveral: client.onlyWhenSeveral,
    channels: client.channels,
  };
}

export const clientSearchText = (f: Pick<ClientFields, 'code' | 'legalName' | 'taxId' | 'emails'>): string =>
  searchable(f.code, f.legalName, f.taxId, ...f.emails);
