import { ClientsRpc } from '@cobranza/contracts';
import { ArtifactStore, RpcClient } from '@cobranza/platform';
import { Body, Controller, Delete, Get, Patch, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { TenantId } from '../auth/auth.decorators';
import { ApiProblems, notFound, REQUEST_INVALID, validationFailed } from '../http/problem-responses';
import { parseBody } from '../http/request-shape';
import { LOGO_EMPTY, LOGO_MEDIA_TYPES, LOGO_TOO_LARGE, LOGO_TYPE_MISMATCH, LOGO_TYPE_NOT_ALLOWED, storeLogo } from './logo-upload';
import { TenantDto, tenantJson, UPDATE_TENANT, UpdateTenantDto } from './tenant.dto';

const TENANT_NOT_FOUND = notFound('tenant.not_found', 'No existe la empresa indicada.');

/** The company the API key belongs to. */
@ApiTags('tenant')
@ApiBearerAuth('api-key')
@Controller('v1/tenant')
export class TenantController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly store: ArtifactStore,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The tenant of the API key', description: 'Company data and settings: locale, time zone, currency.' })
  @ApiOkResponse({ type: TenantDto })
  @ApiProblems(TENANT_NOT_FOUND)
  async get(@TenantId() tenantId: string): Promise<TenantDto> {
    return tenantJson(await this.rpc.call(ClientsRpc.getTenant, { id: tenantId }));
  }

  @Patch()
  @ApiOperation({ summary: 'Change the tenant', description: 'Only the fields present change.' })
  @ApiBody({ type: UpdateTenantDto, examples: { direccion: { summary: 'Nueva dirección', value: { address: 'Calle 72 con Av. 3E, Maracaibo' } } } })
  @ApiOkResponse({ type: TenantDto })
  @ApiProblems(
    REQUEST_INVALID,
    validationFailed({ timezone: 'Zona horaria desconocida: Marte/Olimpo. Ejemplo: America/Caracas.' }),
    TENANT_NOT_FOUND,
  )
  async update(@TenantId() tenantId: string, @Body() body: unknown): Promise<TenantDto> {
    const changes = parseBody(body, UPDATE_TENANT);
    return tenantJson(await this.rpc.call(ClientsRpc.updateTenant, { ...changes, id: tenantId }));
  }

  @Put('logo')
  @ApiOperation({
    summary: "Upload the tenant's logo",
    description:
      'The body is the image itself (no JSON, no multipart): image/png or image/jpeg, at most 1 MB. Its first bytes must ' +
      'match the declared Content-Type. The file goes to the artifact store as `Logo.png` or `Logo.jpg` (kind ' +
      '`tenant_logo`), the tenant shows its id in `logoArtifactId`, and every PDF rendered from then on prints it in ' +
      'its header. A new logo replaces the previous one.',
  })
  @ApiConsumes(...LOGO_MEDIA_TYPES)
  @ApiBody({ description: 'The logo image.', schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ description: 'The tenant with its logo.', type: TenantDto })
  @ApiProblems(LOGO_EMPTY, TENANT_NOT_FOUND, LOGO_TOO_LARGE, LOGO_TYPE_NOT_ALLOWED, LOGO_TYPE_MISMATCH)
  async putLogo(@TenantId() tenantId: string, @Req() req: Request): Promise<TenantDto> {
    const artifact = await storeLogo(req, this.store, tenantId);
    let previous = '';
    let tenant;
    try {
      previous = (await this.rpc.call(ClientsRpc.getTenant, { id: tenantId })).logoArtifactId;
      // Only the id travels over NATS.
      tenant = await this.rpc.call(ClientsRpc.updateTenant, { id: tenantId, logoArtifactId: artifact.id });
    } catch (error) {
      // Not recorded on the tenant (clients down, unknown tenant): the file is not kept.
      await this.store.delete(tenantId, artifact.id).catch(() => undefined);
      throw error;
    }
    await this.forget(tenantId, previous, artifact.id);
    return tenantJson(tenant);
  }

  @Delete('logo')
  @ApiOperation({
    summary: "Remove the tenant's logo",
    description: 'PDFs rendered from then on keep the logo slot empty; files already rendered do not change.',
  })
  @ApiOkResponse({ description: 'The tenant without logo.', type: TenantDto })
  @ApiProblems(TENANT_NOT_FOUND)
  async deleteLogo(@TenantId() tenantId: string): Promise<TenantDto> {
    const previous = (await this.rpc.call(ClientsRpc.getTenant, { id: tenantId })).logoArtifactId;
    const tenant = await this.rpc.call(ClientsRpc.updateTenant, { id: tenantId, logoArtifactId: '' });
    await this.forget(tenantId, previous, '');
    return tenantJson(tenant);
  }

  /** Deletes the replaced logo's file; a failure only leaves an unused file behind. */
  private async forget(tenantId: string, previous: string, current: string): Promise<void> {
    if (previous && previous !== current) await this.store.delete(tenantId, previous).catch(() => undefined);
  }
}
