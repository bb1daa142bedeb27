import { ArtifactStore } from '@cobranza/platform';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TenantId } from '../auth/auth.decorators';
import { PROBLEM_CONTENT_TYPE } from '../http/problem';
import { ApiProblems } from '../http/problem-responses';
import { sendArtifact } from './artifact-response';
import { ARTIFACT_NOT_FOUND, MEDIA_TYPES } from './exports-openapi';

/** Downloads of stored files (rendered documents) by id. */
@ApiTags('exports')
@ApiBearerAuth('api-key')
@Controller('v1/artifacts')
export class ArtifactsController {
  constructor(private readonly store: ArtifactStore) {}

  @Get(':id')
  @ApiOperation({
    summary: 'Download a stored file',
    description:
      'Streams a file the documents service rendered for this tenant (the id comes in `X-Artifact-Id` of the export ' +
      'routes, and in events and workflow results), with its Content-Type, Content-Length and a Content-Disposition ' +
      'with its Spanish file name, for example `Estado_de_Cuenta_0000000012_2024-03-26.pdf`. Files are kept with no ' +
      'expiry (invoices are kept for years).',
  })
  @ApiParam({ name: 'id', description: 'Artifact id (UUID).', example: '3f2b8c1e-9d4a-4e7b-8a6c-1b2d3e4f5a60' })
  @ApiProduces(MEDIA_TYPES.pdf, MEDIA_TYPES.xml, MEDIA_TYPES.xlsx, PROBLEM_CONTENT_TYPE)
  @ApiResponse({
    status: 200,
    description: 'The file.',
    content: Object.fromEntries(Object.values(MEDIA_TYPES).map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
    headers: {
      'Content-Disposition': {
        description: 'attachment with the file name.',
        schema: { type: 'string', example: 'attachment; filename="Estado_de_Cuenta_0000000012_2024-03-26.pdf"' },
      },
      'Content-Length': { description: 'Size in bytes.', schema: { type: 'integer' } },
      ETag: { description: 'Quoted lower-case hex SHA-256 of the content.', schema: { type: 'string' } },
    },
  })
  @ApiProblems(ARTIFACT_NOT_FOUND)
  async download(@TenantId() tenantId: string, @Param('id') id: string, @Res() res: Response): Promise<void> {
    // Objects are named <tenant>/<id>: another tenant's id, or a malformed one, is simply not found.
    await sendArtifact(res, this.store, tenantId, id);
  }
}
