import type { Readable } from 'node:stream';
import { storeUploadStream } from '../http/file-upload';
import { RECEIPT_UPLOAD } from '../payment-reports/receipt-upload';
import type { PortalRequest } from './portal-link.guard';

interface IncomingFile {
  fieldname: string;
  mimetype: string;
  stream: Readable;
}

export interface StoredReceipt {
  artifactId?: string;
}

/**
 * The payment form's receipt goes straight from the request into the artifact store, checked as
 * the API's receipts are (type, magic bytes, at most 5 MB); the whole file is never held. A
 * refused file is drained and its reason kept for the form, so the rest of the form still parses.
 * Nothing is stored for a link that is not valid.
 */
export const portalReceiptStorage = {
  _handleFile(req: PortalRequest, file: IncomingFile, callback: (error: Error | null, info?: StoredReceipt) => void): void {
    const access = req.portal;
    if (file.fieldname !== 'receipt' || access?.status !== 'valid' || !access.link) {
      file.stream.resume();
      callback(null, {});
      return;
    }
    storeUploadStream(file.stream, file.mimetype, access.store, access.link.tenantId, RECEIPT_UPLOAD, (extension) => `Comprobante.${extension}`).then(
      (info) => callback(null, { artifactId: info.id }),
      (error: unknown) => {
        file.stream.resume();
        req.portalUploadError = error;
        callback(null, {});
      },
    );
  },

  _removeFile(req: PortalRequest, file: StoredReceipt, callback: (error: Error | null) => void): void {
    const access = req.portal;
    if (file.artifactId && access?.link) void access.store.delete(access.link.tenantId, file.artifactId).catch(() => undefined);
    callback(null);
  },
};
