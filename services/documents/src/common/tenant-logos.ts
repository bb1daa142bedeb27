import { ClientsRpc } from '@cobranza/contracts';
import { ArtifactStore, LOGGER, RpcClient } from '@cobranza/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';

/** The logo types a page may embed, by the magic bytes their content starts with. */
const LOGO_TYPES: Array<{ mediaType: string; matches: (bytes: Buffer) => boolean }> = [
  { mediaType: 'image/png', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mediaType: 'image/jpeg', matches: (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
];

/** Larger files are not embedded (the gateway accepts at most 1 MB). */
const MAX_LOGO_BYTES = 2 * 1024 * 1024;

/**
 * The tenant's logo as a `data:` URI for the masthead of its PDFs. The page loads nothing, so the
 * bytes are read from the artifact store here and embedded. A logo that cannot be read (deleted,
 * store or clients not answering, not a PNG or JPEG) never fails a render: the file is printed
 * with the empty slot and a warning is logged.
 */
@Injectable()
export class TenantLogos {
  constructor(
    private readonly rpc: RpcClient,
    private readonly store: ArtifactStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The logo of the tenant as the clients registry has it now. */
  async current(tenantId: string): Promise<string | undefined> {
    let artifactId: string;
    try {
      artifactId = (await this.rpc.call(ClientsRpc.getTenant, { id: tenantId })).logoArtifactId;
    } catch (error) {
      this.logger.warn({ tenantId, err: error }, 'could not read the tenant to print its logo; rendering without it');
      return undefined;
    }
    return this.dataUri(tenantId, artifactId);
  }

  /** The logo stored as `artifactId` (none when empty). */
  async dataUri(tenantId: string, artifactId: string): Promise<string | undefined> {
    if (!artifactId) return undefined;
    try {
      const { bytes } = await this.store.readAll(tenantId, artifactId);
      const type = LOGO_TYPES.find((t) => t.matches(bytes));
      if (!type || bytes.length > MAX_LOGO_BYTES) {
        this.logger.warn({ tenantId, artifactId, size: bytes.length }, 'the tenant logo is not a PNG or JPEG of at most 2 MB; rendering without it');
        return undefined;
      }
      return `data:${type.mediaType};base64,${bytes.toString('base64')}`;
    } catch (error) {
      this.logger.warn({ tenantId, artifactId, err: error }, 'could not read the tenant logo; rendering without it');
      return undefined;
    }
  }
}
