import { randomBytes, randomUUID } from 'node:crypto';
import { DEVELOPMENT_PORTAL_SECRET, PortalTokenSigner, sameDigest, tokenSha256 } from './portal-token';

describe('portal tokens', () => {
  const signer = PortalTokenSigner.withKey(randomBytes(32));
  const claims = { linkId: randomUUID(), tenantId: randomUUID(), clientId: randomUUID(), expiresAt: new Date('2027-01-15T12:00:00Z') };

  it('carry the link, tenant, client and expiry, signed, in 119 URL-safe characters', () => {
    const token = signer.sign(claims);
    expect(token).toMatch(/^[A-Za-z0-9_-]{119}$/);
    expect(signer.verify(token)).toEqual(claims);
  });

  it('still read once expired: the row, not the token, decides whether it counts', () => {
    const past = { ...claims, expiresAt: new Date('2020-01-01T00:00:00Z') };
    expect(signer.verify(signer.sign(past))).toEqual(past);
  });

  it('refuse any changed character, another key, and malformed input', () => {
    const token = signer.sign(claims);
    for (const position of [0, 10, 40, 80, 118]) {
      const changed = token.slice(0, position) + (token[position] === 'A' ? 'B' : 'A') + token.slice(position + 1);
      expect(signer.verify(changed)).toBeUndefined();
    }
    expect(PortalTokenSigner.withKey(randomBytes(32)).verify(token)).toBeUndefined();
    expect(signer.verify(`${token}A`)).toBeUndefined();
    expect(signer.verify(token.slice(1))).toBeUndefined();
    expect(signer.verify('')).toBeUndefined();
    expect(signer.verify('../../etc/passwd')).toBeUndefined();
  });

  it('cannot be moved to another client: the client id is signed', () => {
    const token = Buffer.from(signer.sign(claims), 'base64url');
    const other = Buffer.from(randomUUID().replace(/-/g, ''), 'hex');
    other.copy(token, 33);
    expect(signer.verify(token.toString('base64url'))).toBeUndefined();
  });

  it('use PORTAL_TOKEN_SECRET, the public development key only outside production', () => {
    expect(() => PortalTokenSigner.fromEnv({ NODE_ENV: 'production' })).toThrow(/PORTAL_TOKEN_SECRET is required in production/);
    expect(() => PortalTokenSigner.fromEnv({ PORTAL_TOKEN_SECRET: 'c2hvcnQ=' })).toThrow(/at least 32 bytes/);
    const dev = PortalTokenSigner.fromEnv({});
    expect(dev.usingDevelopmentKey).toBe(true);
    expect(dev.verify(PortalTokenSigner.withKey(Buffer.from(DEVELOPMENT_PORTAL_SECRET, 'base64')).sign(claims))).toEqual(claims);
    const secret = randomBytes(32).toString('base64');
    const configured = PortalTokenSigner.fromEnv({ NODE_ENV: 'production', PORTAL_TOKEN_SECRET: secret });
    expect(configured.usingDevelopmentKey).toBe(false);
    expect(configured.verify(dev.sign(claims))).toBeUndefined();
    expect(PortalTokenSigner.fromEnv({ PORTAL_TOKEN_SECRET: randomBytes(32).toString('hex') }).usingDevelopmentKey).toBe(false);
  });

  it('are stored as their SHA-256 only, compared in constant time', () => {
    const token = signer.sign(claims);
    const digest = tokenSha256(token);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(sameDigest(digest, tokenSha256(token))).toBe(true);
    expect(sameDigest(digest, tokenSha256(`${token}x`))).toBe(false);
    expect(sameDigest(digest, '')).toBe(false);
  });
});
