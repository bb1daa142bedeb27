import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * The development key, used only when NOTIFICATIONS_SECRET_KEY is unset and NODE_ENV is not
 * "production". It is public (docs/notifications.md): anything encrypted with it is not secret.
 */
export const DEVELOPMENT_SECRET_KEY = 'Y29icmFuemEtZGV2LWtleS1ub3Qtc2VjcmV0LTMyYic=';

const PREFIX = 'v1';

/**
 * AES-256-GCM for the channel secrets at rest (SMTP password, WhatsApp access token, app secret
 * and verify token). Every value gets its own random 96-bit IV; the tenant id and the field name
 * are the additional authenticated data, so a ciphertext copied to another tenant or another
 * column does not decrypt. Stored as `v1:<iv>:<tag>:<ciphertext>` in base64.
 */
export class SecretBox {
  private constructor(
    private readonly key: Buffer,
    readonly usingDevelopmentKey: boolean,
  ) {}

  /** The key of NOTIFICATIONS_SECRET_KEY (32 bytes as base64 or 64 hex digits). */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): SecretBox {
    const raw = env.NOTIFICATIONS_SECRET_KEY?.trim();
    if (!raw) {
      if (env.NODE_ENV === 'production') {
        throw new Error(
          'NOTIFICATIONS_SECRET_KEY is required in production: 32 random bytes as base64 (openssl rand -base64 32); ' +
            'it encrypts the SMTP and WhatsApp secrets at rest.',
        );
      }
      return new SecretBox(Buffer.from(DEVELOPMENT_SECRET_KEY, 'base64'), true);
    }
    return new SecretBox(parseKey(raw), false);
  }

  static withKey(key: Buffer): SecretBox {
    if (key.length !== 32) throw new Error('the key must be 32 bytes');
    return new SecretBox(key, false);
  }

  encrypt(plain: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [PREFIX, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
  }

  decrypt(stored: string, context: string): string {
    const [prefix, iv, tag, ciphertext] = stored.split(':');
    if (prefix !== PREFIX || !iv || !tag || ciphertext === undefined) throw new Error('unknown secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
  }
}

function parseKey(raw: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) {
    throw new Error('NOTIFICATIONS_SECRET_KEY must be 32 bytes, as base64 (openssl rand -base64 32) or 64 hex digits');
  }
  return key;
}
