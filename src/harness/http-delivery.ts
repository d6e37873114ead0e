/**
 * HTTP interactions, as Discord sends them: each interaction signed with the application's Ed25519 key (a test key
 * pair of the fake's own) and POSTed to the Interactions Endpoint URL; with several URLs (replicas behind a load
 * balancer), round-robin. The response is the first callback; Discord waits 3 seconds for it.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface SignedHeaders {
  'x-signature-ed25519': string;
  'x-signature-timestamp': string;
}

export interface EndpointResponse {
  status: number;
  contentType: string;
  raw: Buffer;
}

/** How long the fake keeps the connection open; past 3 s the answer is already late (and refused as such). */
const connectionLimitMs = 10_000;

export class HttpDelivery {
  /** The application's public key, hex: the bot's DISCORD_PUBLIC_KEY. */
  readonly publicKey: string;
  private readonly privateKey: KeyObject;
  private urls: string[] = [];
  private turn = 0;
  private pings = 0;

  constructor() {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    this.privateKey = privateKey;
    this.publicKey = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  }

  get endpoints(): readonly string[] {
    return this.urls;
  }

  /** Discord's signature over timestamp + body (timestamp in Unix seconds, now unless given). */
  sign(body: string | Buffer, timestamp: number = Math.floor(Date.now() / 1000)): SignedHeaders {
    const stamp = String(timestamp);
    const signature = sign(null, Buffer.concat([Buffer.from(stamp), Buffer.from(body)]), this.privateKey);
    return { 'x-signature-ed25519': signature.toString('hex'), 'x-signature-timestamp': stamp };
  }

  /**
   * Sets the endpoint URLs, checked as the developer portal does when the URL is saved: a signed PING must get
   * {"type":1}, and a PING with a bad signature must be refused with 401. Throws when an endpoint fails either.
   */
  async setEndpoints(urls: string[]): Promise<void> {
    for (const url of urls) {
      // Each PING is a new interaction (its own id), so its signature is new too: never taken for a replay.
      const id = String((BigInt(Date.now() - 1420070400000) << 22n) | BigInt(++this.pings % 4096));
      const ping = JSON.stringify({ id, application_id: '0', type: 1, token: `ping-${id}`, version: 1 });
      const good = await this.post(url, ping, this.sign(ping));
      const answer = good.status === 200 ? (JSON.parse(good.raw.toString('utf8')) as { type?: unknown }) : undefined;
      if (answer?.type !== 1)
        throw new Error(`${url}: a signed PING got ${good.status} ${good.raw.toString('utf8').slice(0, 200)}`);
      const forged = { ...this.sign(ping), 'x-signature-ed25519': '0'.repeat(128) };
      const bad = await this.post(url, ping, forged);
      if (bad.status !== 401) throw new Error(`${url}: a PING with a bad signature got ${bad.status}, not 401`);
    }
    this.urls = [...urls];
    this.turn = 0;
  }

  /** Stops sending interactions over HTTP (back to the gateway). */
  clear(): void {
    this.urls = [];
  }

  /** The next endpoint, round-robin. */
  next(): { url: string; replica: number } {
    const replica = this.turn++ % this.urls.length;
    return { url: this.urls[replica]!, replica };
  }

  async post(url: string, body: string | Buffer, headers: Partial<SignedHeaders>): Promise<EndpointResponse> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Discord-Interactions/1.0', ...headers },
      body,
      signal: AbortSignal.timeout(connectionLimitMs),
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      raw: Buffer.from(await response.arrayBuffer()),
    };
  }
}
