import {
  GetPortalSettingsRequestSchema,
  IssuePortalLinkRequestSchema,
  ListPortalLinksReplySchema,
  ListPortalLinksRequestSchema,
  PortalLinkSchema,
  PortalSettingsSchema,
  RequestPortalRenewalReplySchema,
  RequestPortalRenewalRequestSchema,
  RevokePortalLinkRequestSchema,
  SendPortalLinkRequestSchema,
  UpdatePortalSettingsRequestSchema,
  VerifyPortalLinkReplySchema,
  VerifyPortalLinkRequestSchema,
} from './gen/cobranza/clients/v1/portal_pb';
import { rpc } from './contract';

export * from './gen/cobranza/clients/v1/portal_pb';

/** The default lifetime of a portal link, in days (seed 004: the link expires and can be renewed). */
export const PORTAL_LINK_TTL_DAYS_DEFAULT = 30;
/** Sending a link, or a renewal, waits for the mail server. */
export const PORTAL_SEND_TIMEOUT_MS = 130_000;

/** The customer portal's settings and links; the clients service owns them. */
export const PortalRpc = {
  getSettings: rpc('rpc.clients.portal.settings.get', GetPortalSettingsRequestSchema, PortalSettingsSchema),
  updateSettings: rpc('rpc.clients.portal.settings.update', UpdatePortalSettingsRequestSchema, PortalSettingsSchema),
  issueLink: rpc('rpc.clients.portal_link.issue', IssuePortalLinkRequestSchema, PortalLinkSchema),
  verifyLink: rpc('rpc.clients.portal_link.verify', VerifyPortalLinkRequestSchema, VerifyPortalLinkReplySchema),
  revokeLink: rpc('rpc.clients.portal_link.revoke', RevokePortalLinkRequestSchema, PortalLinkSchema),
  listLinks: rpc('rpc.clients.portal_link.list', ListPortalLinksRequestSchema, ListPortalLinksReplySchema),
  /** Issues a link and emails it to its recipient (the company's "send the portal link"). */
  sendLink: rpc('rpc.clients.portal_link.send', SendPortalLinkRequestSchema, PortalLinkSchema),
  /** The expired-link page's renewal: always the same neutral answer. */
  requestRenewal: rpc('rpc.clients.portal_link.request_renewal', RequestPortalRenewalRequestSchema, RequestPortalRenewalReplySchema),
} as const;
