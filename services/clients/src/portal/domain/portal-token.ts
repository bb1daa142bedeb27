import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The development key, used only when PORTAL_TOKEN_SECRET is unset and NODE_ENV is not
 * "production". It is public (docs/portal.md): links signed with it prove nothing.
 */
export const DEVELOPMENT_PORTAL_SECRET = 'Y29icmFuemEtcG9ydGFsLWRldi1ub3Qtc2VjcmV0LTE=';

const VERSION = 1;
const UUID_BYTES = 16;
const PAYLOAD_BYTES = 1 + 3 * UUID_BYTES + 8;
const MAC_BYTES = 32;
const TOKEN_BYTES = PAYLOAD_BYTES + MAC_BYTES;
/** base64url of TOKEN_BYTES (89) bytes, without padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{119}$/;

/** What a portal token says: the link, its tenant and client, and until when it is valid. */
export interface PortalTokenClaims {
  linkId: string;
  tenantId: string;
  clientId: string;
  expiresAt: Date;
}

/**
 * Signs and reads portal tokens: version, link id, tenant id, client id and expiry (seconds),
 * followed by their HMAC-SHA256, all in base64url (119 characters, fits any URL). The token says
 * who it is for; the stored link row (by id, with the token's SHA-256) says whether it still counts.
 */
export class PortalTokenSigner {
  private constructor(
    private readonly key: Buffer,
    readonly usingDevelopmentKey: boolean,
  ) {}

  /** The key of PORTAL_TOKEN_SECRET: at least 32 bytes, as base64 or hex (openssl rand -base64 32). */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): PortalTokenSigner {
    const raw = env.PORTAL_TOKEN_SECRET?.trim();
    if (!raw) {
      if (env.NODE_ENV === 'production') {
        throw new Error(
          'PORTAL_TOKEN_SECRET is required in production: at least 32 random bytes as base64 (openssl rand -base64 32); ' +
            'it signs the customer portal links.',
        );
      }
      return new PortalTokenSigner(Buffer.from(DEVELOPMENT_PORTAL_SECRET, 'base64'), true);
    }
    const key = /^[0-9a-f]+$/i.test(raw) && raw.length % 2 === 0 ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
    if (key.length < 32) throw new Error('PORTAL_TOKEN_SECRET must be at least 32 bytes, as base64 (openssl rand -base64 32) or hex');
    return new PortalTokenSigner(key, false);
  }

  static withKey(key: Buffer): PortalTokenSigner {
    if (key.length < 32) throw new Error('the key must be at least 32 bytes');
    return new PortalTokenSigner(key, false);
  }

  sign(claims: PortalTokenClaims): string {
    const payload = Buffer.alloc(PAYLOAD_BYTES);
    payload.writeUInt8(VERSION, 0);
    uuidBytes(claims.linkId).copy(payload, 1);
    uuidBytes(claims.tenantId).copy(payload, 1 + UUID_BYTES);
    uuidBytes(claims.clientId).copy(payload, 1 + 2 * UUID_BYTES);
    payload.writeBigUInt64BE(BigInt(Math.floor(claims.expiresAt.getTime() / 1000)), 1 + 3 * UUID_BYTES);
    return Buffer.concat([payload, this.mac(payload)]).toString('base64url');
  }

  /** The claims of an authentic token, expired or not; undefined for anything tampered or malformed. */
  verify(token: string): PortalTokenClaims | undefined {
    if (!TOKEN_PATTERN.test(token)) return undefined;
    const bytes = Buffer.from(token, 'base64url');
    if (bytes.length !== TOKEN_BYTES) return undefined;
    const payload = bytes.subarray(0, PAYLOAD_BYTES);
    // Constant time: how much of a forged signature matched must not show in the answer's timing.
    if (!timingSafeEqual(bytes.subarray(PAYLOAD_BYTES), this.mac(payload))) return undefined;
    if (payload.readUInt8(0) !== VERSION) return undefined;
    return {
      linkId: uuidText(payload.subarray(1, 1 + UUID_BYTES)),
      tenantId: uuidText(payload.subarray(1 + UUID_BYTES, 1 + 2 * UUID_BYTES)),
      clientId: uuidText(payload.subarray(1 + 2 * UUID_BYTES, 1 + 3 * UUID_BYTES)),
      expiresAt: new Date(Number(payload.readBigUInt64BE(1 + 3 * UUID_BYTES)) * 1000),
    };
  }

  private mac(payload: Buffer): Buffer {
    return createHmac('sha256', this.key).update(payload).digest();
  }
}

/** What the link row keeps instead of the token. */
export function tokenSha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two hex digests without leaking where they differ. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${uuid}`);
  return Buffer.from(hex, 'hex');
}

function uuidText(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
