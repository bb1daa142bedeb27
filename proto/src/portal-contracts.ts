import {
  GetPortalSettingsRequestSchema,
  IssuePortalLinkRequestSchema,
  ListPortalLinksReplySchema,
  ListPortalLinksRequestSchema,
  PortalLinkSchema,
  PortalSettingsSchema,
  RevokePortalLinkRequestSchema,
  UpdatePortalSettingsRequestSchema,
  VerifyPortalLinkReplySchema,
  VerifyPortalLinkRequestSchema,
} from './gen/cobranza/clients/v1/portal_pb';
import { rpc } from './contract';

export * from './gen/cobranza/clients/v1/portal_pb';

/** The customer portal's settings and links; the clients service owns them. */
export const PortalRpc = {
  getSettings: rpc('rpc.clients.portal.settings.get', GetPortalSettingsRequestSchema, PortalSettingsSchema),
  updateSettings: rpc('rpc.clients.portal.settings.update', UpdatePortalSettingsRequestSchema, PortalSettingsSchema),
  issueLink: rpc('rpc.clients.portal_link.issue', IssuePortalLinkRequestSchema, PortalLinkSchema),
  verifyLink: rpc('rpc.clients.portal_link.verify', VerifyPortalLinkRequestSchema, VerifyPortalLinkReplySchema),
  revokeLink: rpc('rpc.clients.portal_link.revoke', RevokePortalLinkRequestSchema, PortalLinkSchema),
  listLinks: rpc('rpc.clients.portal_link.list', ListPortalLinksRequestSchema, ListPortalLinksReplySchema),
} as const;
