import { PortalApiController } from './portal-api.controller';
import { PortalPagesController } from './portal-pages.controller';

/** The company's portal routes (API key) and the client's portal pages (the link's token). */
export const PORTAL_CONTROLLERS = [PortalApiController, PortalPagesController];
