/** Reading request bodies (JSON or multipart with payload_json) and writing Discord-like answers. */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UploadedFile } from './messages.js';

export interface ParsedBody {
  /** Parsed JSON, or payload_json of a multipart body; undefined when there is no body. */
  json: unknown;
  files: UploadedFile[];
  /** Set when the body could not be parsed. */
  error?: string;
}

export async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return parseBody(Buffer.concat(chunks), req.headers['content-type'] ?? '');
}

/** A body as Discord reads it: JSON, or multipart with payload_json and files (also an HTTP interaction's answer). */
export async function parseBody(raw: Buffer, type: string): Promise<ParsedBody> {
  if (raw.length === 0) return { json: undefined, files: [] };
  if (type.startsWith('multipart/form-data')) return parseMultipart(raw, type);
  try {
    return { json: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    return { json: undefined, files: [], error: 'The request body contains invalid JSON.' };
  }
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  let form: FormData;
  try {
    form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return { json: undefined, files: [], error: 'Invalid multipart body.' };
  }
  let json: unknown;
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') {
        try {
          json = JSON.parse(value);
        } catch {
          return { json: undefined, files, error: 'payload_json is not valid JSON.' };
        }
      }
      continue;
    }
    const file = value as File;
    files.push({
      field,
      name: file.name,
      contentType: file.type || 'application/octet-stream',
      data: Buffer.from(await file.arrayBuffer()),
    });
  }
  return { json, files };
}

/** Generous per-route rate-limit headers, so @discordjs/rest never waits. */
export function rateLimitHeaders(method: string, route: string): Record<string, string> {
  const bucket = createHash('sha1').update(`${method} ${route}`).digest('hex').slice(0, 32);
  const resetAfter = 60;
  return {
    'x-ratelimit-limit': '1000',
    'x-ratelimit-remaining': '999',
    'x-ratelimit-reset': ((Date.now() + resetAfter * 1000) / 1000).toFixed(3),
    'x-ratelimit-reset-after': resetAfter.toFixed(3),
    'x-ratelimit-bucket': bucket,
  };
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const hasBody = body !== undefined && status !== 204;
  const payload = hasBody ? JSON.stringify(body) : '';
  res.writeHead(status, {
    ...(hasBody ? { 'content-type': 'application/json' } : {}),
    'content-length': Buffer.byteLength(payload).toString(),
    ...headers,
  });
  res.end(payload);
}
