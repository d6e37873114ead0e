// INTERACTIONS_MODE, PORT and DISCORD_PUBLIC_KEY: defaults, what each refuses (one line naming it), and the
// signature check on its own.
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv } from '../../src/config.js';
import { fakeBotToken } from '../../src/harness/index.js';
import { checkSignature, publicKeyFromHex } from '../../src/http/signature.js';

const token = fakeBotToken('123456789012345678');
const env = (extra: Record<string, string>) => configFromEnv({ DISCORD_TOKEN: token, ...extra });
const key = 'A'.repeat(64);

describe('INTERACTIONS_MODE, PORT and DISCORD_PUBLIC_KEY', () => {
  it('default to the gateway on port 8080, with no key needed', () => {
    expect(env({})).toMatchObject({ INTERACTIONS_MODE: 'gateway', PORT: 8080 });
    expect(env({}).DISCORD_PUBLIC_KEY).toBeUndefined();
  });

  it('take http with a key (kept in lower case) and a port', () => {
    expect(env({ INTERACTIONS_MODE: 'http', DISCORD_PUBLIC_KEY: key, PORT: '3000' })).toMatchObject({
      INTERACTIONS_MODE: 'http',
      DISCORD_PUBLIC_KEY: 'a'.repeat(64),
      PORT: 3000,
    });
  });

  it.each([
    [{ INTERACTIONS_MODE: 'http' }, 'DISCORD_PUBLIC_KEY is required when INTERACTIONS_MODE=http'],
    [{ INTERACTIONS_MODE: 'http', DISCORD_PUBLIC_KEY: 'abc' }, 'DISCORD_PUBLIC_KEY must be the application public key'],
    [{ INTERACTIONS_MODE: 'http', DISCORD_PUBLIC_KEY: 'g'.repeat(64) }, 'DISCORD_PUBLIC_KEY must be'],
    [{ INTERACTIONS_MODE: 'webhook' }, 'INTERACTIONS_MODE must be gateway or http'],
    [{ PORT: '70000' }, 'PORT must be a port number'],
    [{ PORT: 'eighty' }, 'PORT must be a port number'],
  ])('refuses %j in one line naming it', (extra, message) => {
    let error: unknown;
    try {
      env(extra);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('the Ed25519 check', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const hex = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  const body = Buffer.from('{"type":1}');
  const at = 1_800_000_000;
  const signed = (stamp: string, raw = body) =>
    sign(null, Buffer.concat([Buffer.from(stamp), raw]), privateKey).toString('hex');

  it('accepts Discord’s signature over timestamp + body, within 5 minutes either way', () => {
    const check = (nowSeconds: number) =>
      checkSignature(
        publicKeyFromHex(hex),
        { signature: signed(String(at)), timestamp: String(at) },
        body,
        nowSeconds * 1000,
      );
    expect(check(at + 300).ok).toBe(true);
    expect(check(at - 300).ok).toBe(true);
    expect(check(at + 301)).toEqual({ ok: false, why: 'stale' });
    expect(check(at - 301)).toEqual({ ok: false, why: 'stale' });
  });

  it('refuses what is missing, malformed or signed over something else, without throwing', () => {
    const k = publicKeyFromHex(hex);
    const now = at * 1000;
    expect(checkSignature(k, { signature: undefined, timestamp: String(at) }, body, now).ok).toBe(false);
    expect(checkSignature(k, { signature: 'xyz', timestamp: String(at) }, body, now)).toEqual({
      ok: false,
      why: 'malformed',
    });
    expect(checkSignature(k, { signature: signed(String(at)), timestamp: 'soon' }, body, now).ok).toBe(false);
    expect(checkSignature(k, { signature: signed(String(at)), timestamp: String(at) }, Buffer.from('{}'), now)).toEqual(
      {
        ok: false,
        why: 'bad-signature',
      },
    );
    expect(() => publicKeyFromHex('00')).toThrow();
  });
});
