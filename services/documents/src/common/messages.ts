import { DomainError, FieldErrors, messageCatalog, NotFoundError } from '@cobranza/platform';

/** What the documents service tells people, in Spanish (default) and English. */
export const message = messageCatalog({
  es: {
    validation_failed: 'Los datos enviados no son válidos; revise los campos indicados.',
    format_invalid: 'Formato desconocido: {value}. Use uno de {allowed}.',
    locale_invalid: 'Idioma desconocido: {value}. Use uno de {allowed}.',
    xml_not_available: 'Solo las facturas y las notas de crédito tienen XML (UBL 2.1); este documento es un(a) {kind}.',
    'tenant.not_found': 'No existe la empresa indicada.',
    'document.not_found': 'No existe el documento indicado.',
    'client.not_found': 'No existe el cliente indicado.',
    'render.busy': 'El servicio de documentos está ocupado; intente de nuevo en unos segundos.',
  },
  en: {
    validation_failed: 'The data sent is not valid; check the fields listed.',
    format_invalid: 'Unknown format: {value}. Use one of {allowed}.',
    locale_invalid: 'Unknown language: {value}. Use one of {allowed}.',
    xml_not_available: 'Only invoices and credit notes have XML (UBL 2.1); this document is a {kind}.',
    'tenant.not_found': 'The company does not exist.',
    'document.not_found': 'The document does not exist.',
    'client.not_found': 'The client does not exist.',
    'render.busy': 'The documents service is busy; try again in a few seconds.',
  },
});

export const fieldErrors = (): FieldErrors => new FieldErrors(message);
export const notFound = (code: string): NotFoundError => new NotFoundError(code, message(code));
export const domainError = (code: string, status: number, params: Record<string, string> = {}): DomainError =>
  new DomainError(code, message(code, params), status);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);
