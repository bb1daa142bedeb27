import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiResponse } from '@nestjs/swagger';

const HTML_PAGE = { 'text/html': { schema: { type: 'string' }, example: '<!doctype html><html lang="es-VE"><head><title>Estado de cuenta · Infotax, S.A.</title>…' } };

/**
 * The portal's pages answer HTML for people, not JSON: a bad, tampered, expired or revoked link
 * is a page too (invalid link, or the expired page that offers a renewal), never problem+json.
 */
export function PortalPage(summary: string, description: string) {
  return applyDecorators(
    ApiOperation({ summary, description }),
    ApiParam({ name: 'token', description: 'The link\'s signed token, as sent to the client (119 URL-safe characters).' }),
    ApiProduces('text/html'),
    ApiOkResponse({ description: 'The page, in the tenant\'s language (or ?lang=en|es).', content: HTML_PAGE }),
    ApiResponse({ status: 404, description: 'Invalid, tampered or unknown link, or a document that is not this client\'s: the same page for all.', content: HTML_PAGE }),
    ApiResponse({ status: 410, description: 'Expired or revoked link: the page that lets the client ask for a new one.', content: HTML_PAGE }),
  );
}

/** A file the portal serves: the statement (PDF, XLSX) or an invoice (PDF, XML). */
export function PortalFile(summary: string, mediaTypes: string[]) {
  return applyDecorators(
    ApiOperation({ summary, description: 'A download for the token\'s client only, named in Spanish (for example Factura_0001-00000012.pdf).' }),
    ApiParam({ name: 'token', description: 'The link\'s signed token.' }),
    ApiProduces(...mediaTypes),
    ApiOkResponse({ description: 'The file, as an attachment.', content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) }),
    ApiResponse({ status: 404, description: 'Invalid link, or a document that is not this client\'s: an HTML page.', content: HTML_PAGE }),
  );
}
