// The REST proxy's settings (npm run rest-proxy): defaults, and one line naming what is wrong, never a value.
import { describe, expect, it } from 'vitest';
import { ConfigError, proxyConfigFromEnv } from '../../src/config.js';
import { fakeBotToken } from '../../src/harness/index.js';

const token = fakeBotToken('123456789012345678');

describe('proxyConfigFromEnv', () => {
  it('listens on 127.0.0.1:8090 and forwards to Discord by default', () => {
    expect(proxyConfigFromEnv({ DISCORD_TOKEN: token })).toEqual({
      DISCORD_TOKEN: token,
      DISCORD_API_URL: 'https://discord.com/api',
      PROXY_HOST: '127.0.0.1',
      PROXY_PORT: 8090,
      LOG_LEVEL: 'info',
    });
  });

  it('takes the upstream without a trailing slash, a host and a port', () => {
    const config = proxyConfigFromEnv({
      DISCORD_TOKEN: token,
      DISCORD_API_URL: 'http://127.0.0.1:3000/api/',
      PROXY_HOST: '10.0.0.5',
      PROXY_PORT: '9000',
    });
    expect(config).toMatchObject({
      DISCORD_API_URL: 'http://127.0.0.1:3000/api',
      PROXY_HOST: '10.0.0.5',
      PROXY_PORT: 9000,
    });
  });

  it('requires the token', () => {
    expect(() => proxyConfigFromEnv({ PROXY_PORT: '8090' })).toThrow(/DISCORD_TOKEN is required/);
    expect(() => proxyConfigFromEnv({ DISCORD_TOKEN: '' })).toThrow(ConfigError);
  });

  it.each(['70000', 'eighty', '-1', '80.5'])('refuses PROXY_PORT=%s, naming it without the token', (port) => {
    let message = '';
    try {
      proxyConfigFromEnv({ DISCORD_TOKEN: token, PROXY_PORT: port });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration: PROXY_PORT must be a port number/);
    expect(message).not.toContain(token);
  });
});
