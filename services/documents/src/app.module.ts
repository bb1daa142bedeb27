import { SystemRpc, TenancyRpc } from '@cobranza/contracts';
import { ServiceCoreModule, statusController, tenancyController, type ServiceDefinition } from '@cobranza/platform';
import { Module, type DynamicModule } from '@nestjs/common';
import { ArtifactWriter } from './artifacts/artifact-writer';
import { ArtifactsController } from './artifacts/artifacts.controller';
import { DocumentTenants } from './common/document-tenants';
import { TenantLogos } from './common/tenant-logos';
import { PdfRenderer } from './rendering/pdf-renderer';
import { RenderSalesDocumentUseCase } from './sales-documents/render-sales-document.usecase';
import { SalesDocumentsController } from './sales-documents/sales-documents.controller';
import { RenderSalesHistoryUseCase } from './sales-history/render-sales-history.usecase';
import { SalesHistoryController } from './sales-history/sales-history.controller';
import { RenderStatementUseCase } from './statements/render-statement.usecase';
import { StatementsController } from './statements/statements.controller';

@Module({})
export class AppModule {
  static register(definition: ServiceDefinition): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceCoreModule.forService(definition)],
      controllers: [
        statusController(SystemRpc.status.documents.subject),
        tenancyController('documents', TenancyRpc.provision.documents.subject),
        SalesDocumentsController,
        StatementsController,
        SalesHistoryController,
        ArtifactsController,
      ],
      providers: [PdfRenderer, ArtifactWriter, DocumentTenants, TenantLogos, RenderSalesDocumentUseCase, RenderStatementUseCase, RenderSalesHistoryUseCase],
    };
  }
}
