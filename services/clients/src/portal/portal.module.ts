import { IssuePortalLinkUseCase } from './issue-portal-link.usecase';
import { PortalLinkRow } from './portal-link.entity';
import { PortalMailer } from './portal-mailer';
import { PortalRateWindow } from './portal-rate-window.entity';
import { PortalSettingsRow } from './portal-settings.entity';
import { PortalSettingsService } from './portal-settings.service';
import { portalTokenSignerProvider } from './portal-token.provider';
import { PortalController } from './portal.controller';
import { RenewalRateLimiter } from './renewal-rate-limiter';
import { RequestPortalRenewalUseCase } from './request-portal-renewal.usecase';
import { SendPortalLinkUseCase } from './send-portal-link.usecase';
import { VerifyPortalLinkUseCase } from './verify-portal-link.usecase';

/** The customer portal's part of the clients service: its entities, controller and providers. */
export const PORTAL_ENTITIES = [PortalSettingsRow, PortalLinkRow, PortalRateWindow];
export const PORTAL_CONTROLLERS = [PortalController];
export const PORTAL_PROVIDERS = [
  portalTokenSignerProvider,
  PortalSettingsService,
  IssuePortalLinkUseCase,
  VerifyPortalLinkUseCase,
  SendPortalLinkUseCase,
  RequestPortalRenewalUseCase,
  RenewalRateLimiter,
  PortalMailer,
];
