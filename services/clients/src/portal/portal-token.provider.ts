import { PortalTokenSigner } from './domain/portal-token';

/** One signer per process, from PORTAL_TOKEN_SECRET; refuses to start in production without it. */
export const portalTokenSignerProvider = { provide: PortalTokenSigner, useFactory: () => PortalTokenSigner.fromEnv() };
