import { BillingRpc, ClientsRpc, SALES_DOCUMENT_FORMATS, type RenderSalesDocumentRequest, type SalesDocument } from '@cobranza/contracts';
import { DomainError, RpcClient, type ArtifactInfo } from '@cobranza/platform';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { toArtifactMessage } from '../artifacts/artifact-message';
import { ArtifactWriter } from '../artifacts/artifact-writer';
import { RenderedDocument } from '../artifacts/rendered-document.entity';
import { DocumentTenants, type RenderContext } from '../common/document-tenants';
import { TenantLogos } from '../common/tenant-logos';
import { domainError, fieldErrors, isUuid, notFound } from '../common/messages';
import { MEDIA_TYPES, salesDocumentFileName } from '../rendering/domain/file-names';
import { timedRender } from '../rendering/render-metrics';
import { PdfRenderer } from '../rendering/pdf-renderer';
import { salesDocumentHtml } from './domain/sales-document-html';
import type { Party, SalesDocumentView } from './domain/sales-document-view';
import { hasUblXml, ublXml } from './domain/ubl-xml';

/** Bump when a template changes, so documents rendered before are rendered again. */
const TEMPLATE_VERSION = '1';

/**
 * A sales document as PDF (every kind) or UBL 2.1 XML (invoices and credit notes). The data comes
 * from billing (the document) and the clients registry (tax ids and addresses) over NATS. An
 * unchanged document answers the file rendered before (`reused`), so asking twice stores one file.
 */
@Injectable()
export class RenderSalesDocumentUseCase {
  constructor(
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
    private readonly tenants: DocumentTenants,
    private readonly renderer: PdfRenderer,
    private readonly artifacts: ArtifactWriter,
    private readonly logos: TenantLogos,
  ) {}

  async execute(request: RenderSalesDocumentRequest) {
    const format = (request.format || 'pdf').toLowerCase();
    const errors = fieldErrors();
    if (!(SALES_DOCUMENT_FORMATS as readonly string[]).includes(format))
      errors.add('format', 'format_invalid', { value: request.format, allowed: SALES_DOCUMENT_FORMATS.join(', ') });
    errors.throwIfAny();
    const context = await this.tenants.context(request.tenantId, request.locale);
    if (!isUuid(request.documentId)) throw notFound('document.not_found');
    const document = await this.rpc.call(BillingRpc.getDocument, { tenantId: request.tenantId, id: request.documentId });
    if (format === 'xml' && !hasUblXml(document.kind)) {
      throw domainError('xml_not_available', 422, { kind: context.labels(`kind.${document.kind}`) });
    }
    const view = await this.view(document);
    const fingerprint = createHash('sha256')
      .update(JSON.stringify({ TEMPLATE_VERSION, format, locale: context.format.locale, view }))
      .digest('hex');

    const previous = await this.previous(request.tenantId, document.id, format, fingerprint);
    if (previous) return { artifact: toArtifactMessage(previous), reused: true };

    const info = await timedRender(document.kind, format, () => (format === 'xml' ? this.xml(view, context) : this.pdf(view, context)));
    await this.remember(request.tenantId, document.id, format, fingerprint, info.id);
    return { artifact: toArtifactMessage(info), reused: false };
  }

  private async view(document: SalesDocument): Promise<SalesDocumentView> {
    const tenantId = document.tenantId;
    const [tenant, client, source] = await Promise.all([
      this.rpc.call(ClientsRpc.getTenant, { id: tenantId }),
      // The registry's current tax id and address; the document's own snapshot when the client is gone.
      this.rpc.call(ClientsRpc.getClient, { tenantId, id: document.clientId }).catch((error: unknown) => {
        if (error instanceof DomainError && error.status === 404) return undefined;
        throw error;
      }),
      document.sourceDocumentId
        ? this.rpc.call(BillingRpc.getDocument, { tenantId, id: document.sourceDocumentId }).catch((error: unknown) => {
            if (error instanceof DomainError && error.status === 404) return undefined;
            throw error;
          })
        : undefined,
    ]);
    const issuer: Party = { code: '', name: tenant.legalName, taxId: tenant.taxId, address: tenant.address, country: tenant.country };
    const customer: Party = {
      code: document.clientCode,
      name: document.clientName,
      taxId: client?.taxId ?? '',
      address: client?.address ?? '',
      country: client?.country ?? '',
    };
    return {
      document,
      issuer,
      customer,
      logoArtifactId: tenant.logoArtifactId,
      source: source ? { kind: source.kind, displayNumber: source.displayNumber, issueDate: source.issueDate } : undefined,
    };
  }

  private async pdf(view: SalesDocumentView, context: RenderContext): Promise<ArtifactInfo> {
    const doc = view.document;
    const logo = await this.logos.dataUri(doc.tenantId, view.logoArtifactId);
    const page = salesDocumentHtml(view, { ...context, logo });
    return this.renderer.render(page.html, page, (pdf) =>
      this.artifacts.save(
        {
          tenantId: doc.tenantId,
          kind: `${doc.kind}_pdf`,
          mediaType: MEDIA_TYPES.pdf,
          fileName: salesDocumentFileName(context.language, doc.kind, doc.displayNumber, 'pdf'),
        },
        pdf,
      ),
    );
  }

  private xml(view: SalesDocumentView, context: RenderContext): Promise<ArtifactInfo> {
    const doc = view.document;
    const terms = doc.paymentTermsDays > 0 ? context.labels('creditDays', { days: doc.paymentTermsDays }) : context.labels('cash');
    return this.artifacts.save(
      {
        tenantId: doc.tenantId,
        kind: `${doc.kind}_xml`,
        mediaType: MEDIA_TYPES.xml,
        fileName: salesDocumentFileName(context.language, doc.kind, doc.displayNumber, 'xml'),
      },
      Buffer.from(ublXml(view, terms), 'utf8'),
    );
  }

  private async previous(tenantId: string, documentId: string, format: string, fingerprint: string): Promise<ArtifactInfo | undefined> {
    const row = await this.em.findOne(RenderedDocument, { tenantId, documentId, format, fingerprint });
    if (!row) return undefined;
    const info = await this.artifacts.find(tenantId, row.artifactId);
    if (info) return info;
    // The file was deleted on purpose: forget it and render again.
    await this.em.nativeDelete(RenderedDocument, { id: row.id });
    return undefined;
  }

  private async remember(tenantId: string, documentId: string, format: string, fingerprint: string, artifactId: string): Promise<void> {
    try {
      await this.em.fork().insert(RenderedDocument, { id: randomUUID(), tenantId, documentId, format, fingerprint, artifactId, createdAt: new Date() });
    } catch (error) {
      // Two simultaneous first renders: both files exist, the first one recorded is answered later.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
  }
}
