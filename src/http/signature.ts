// Discord signs every HTTP interaction with the application's Ed25519 key: the signature (hex, header
// X-Signature-Ed25519) covers the timestamp (header X-Signature-Timestamp, Unix seconds) followed by the raw body.
// Node's own crypto checks it; the public key comes from its 32 raw bytes as a JWK.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** Discord's own limit for a signed request's age; newer than this in the future is refused too. */
export const timestampToleranceMs = 5 * 60 * 1000;

export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('an Ed25519 public key is 64 hex digits');
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') },
    format: 'jwk',
  });
}

export type SignatureCheck =
  | { ok: true; signature: string; timestampMs: number }
  | { ok: false; why: 'missing' | 'malformed' | 'bad-signature' | 'stale' };

/** Whether a request is signed by Discord, and recent. Never throws: anything odd is simply "not signed". */
export function checkSignature(
  key: KeyObject,
  headers: { signature: string | undefined; timestamp: string | undefined },
  rawBody: Buffer,
  nowMs: number,
): SignatureCheck {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp) return { ok: false, why: 'missing' };
  if (!/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp)) return { ok: false, why: 'malformed' };
  let valid: boolean;
  try {
    valid = verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]), key, Buffer.from(signature, 'hex'));
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, why: 'bad-signature' };
  const timestampMs = Number(timestamp) * 1000;
  if (Math.abs(nowMs - timestampMs) > timestampToleranceMs) return { ok: false, why: 'stale' };
  return { ok: true, signature: signature.toLowerCase(), timestampMs };
}
