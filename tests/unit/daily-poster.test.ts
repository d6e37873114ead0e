// The daily post, sent exactly once: the claim before the first attempt, Discord's nonce, the look in the channel
// after a crash, and the pause when Discord refuses for good. Discord is a fake REST client that records calls.
import { DiscordAPIError, type REST } from '@discordjs/rest';
import { beforeAll, describe, expect, it } from 'vitest';
import { DailyPoster, nonceFor, pauseReasonOf } from '../../src/bot/daily-poster.js';
import type { Facts } from '../../src/facts/facts.js';
import { loadFacts } from '../../src/facts/load.js';
import type { DailySettings } from '../../src/news/daily.js';
import { loadNews, NewsDesk } from '../../src/news/items.js';
import { dataDir } from '../../src/paths.js';
import { DailyRepository } from '../../src/store/daily-repository.js';
import { dailyPost } from '../../src/render/news.js';
import { Store } from '../../src/store/open-store.js';
import { recordingLog } from './recording-log.js';

const guildId = '900000000000000001';
const botId = '500000000000000001';
const day = '2026-11-27';
const settings: DailySettings = {
  channelId: '910000000000000001',
  time: '09:00',
  timezone: 'Asia/Seoul',
  from: '2026-11-26',
};

let facts: Facts;
beforeAll(() => {
  facts = loadFacts(dataDir);
});

const refusal = (status: number, code: number) =>
  new DiscordAPIError({ code, message: 'refused' }, code, status, 'POST', `/channels/${settings.channelId}/messages`, {
    body: undefined,
  });

interface FakeRest {
  posts: { path: string; body: Record<string, unknown> }[];
  gets: string[];
  /** What POST does: returns the message, or throws. */
  onPost: (body: Record<string, unknown>) => Promise<unknown>;
  /** What a GET returns (the channel's messages, or what the bot reads to work out its permissions). */
  onGet: (path: string) => Promise<unknown>;
}

async function setup(options: { now?: Date; news?: NewsDesk } = {}) {
  const clock = { now: options.now ?? new Date('2026-11-27T00:00:05Z') };
  const repository = new DailyRepository(await Store.open('memory://'));
  const fake: FakeRest = {
    posts: [],
    gets: [],
    onPost: async () => ({ id: '990000000000000001' }),
    onGet: async () => [],
  };
  const rest = {
    post: async (path: string, { body }: { body: Record<string, unknown> }) => {
      fake.posts.push({ path, body });
      return fake.onPost(body);
    },
    get: async (path: string) => {
      fake.gets.push(path);
      return fake.onGet(path);
    },
  } as unknown as REST;
  const { log, lines } = recordingLog();
  const poster = new DailyPoster(
    { now: () => clock.now, log, facts },
    rest,
    repository,
    options.news ?? new NewsDesk([], facts),
    () => botId,
  );
  return { clock, repository, fake, poster, logs: lines };
}

/** A message of ours in the channel, as Discord lists it. */
const ourPost = (id: string, postDay: string, author = botId) => ({
  id,
  author: { id: author },
  embeds: [{ footer: { text: `attache daily post · ${postDay}` } }],
});

describe('why Discord refused a post', () => {
  it.each([
    [404, 0, 'channel-missing'],
    [400, 10003, 'channel-missing'],
    [403, 0, 'missing-permissions'],
    [400, 50001, 'missing-permissions'],
    [400, 50013, 'missing-permissions'],
    [500, 0, undefined],
    [429, 0, undefined],
    [400, 50035, undefined],
  ])('status %i, code %i: %s', (status, code, reason) => {
    expect(pauseReasonOf(refusal(status, code))).toBe(reason);
  });

  it('an error that is not from Discord is no reason to pause', () => {
    expect(pauseReasonOf(new Error('socket hang up'))).toBeUndefined();
    expect(pauseReasonOf({ status: 403, code: 50013 })).toBeUndefined();
  });
});

describe('the nonce', () => {
  it('is the day and the server, within Discord’s 25 characters', () => {
    expect(nonceFor(guildId, day)).toBe('d20261127' + guildId.slice(-16));
    expect(nonceFor(guildId, day).length).toBeLessThanOrEqual(25);
    expect(nonceFor(guildId, '2026-11-28')).not.toBe(nonceFor(guildId, day));
    expect(nonceFor('900000000000000002', day)).not.toBe(nonceFor(guildId, day));
  });
});

describe('sending the daily post', () => {
  it('claims the day before sending, sends with the nonce, then records the post and drops the claim', async () => {
    const { poster, fake, repository, clock } = await setup();
    const claims: unknown[] = [];
    fake.onPost = async () => {
      claims.push(await repository.claimOf(guildId));
      return { id: '990000000000000001' };
    };
    expect(await poster.post(guildId, settings, day)).toBe('posted');
    expect(claims).toEqual([{ day, startedAt: clock.now.toISOString() }]);
    expect(fake.posts).toHaveLength(1);
    expect(fake.posts[0]!.path).toBe(`/channels/${settings.channelId}/messages`);
    expect(fake.posts[0]!.body).toMatchObject({
      nonce: nonceFor(guildId, day),
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
    });
    expect(JSON.stringify(fake.posts[0]!.body)).toContain(day);
    expect(fake.gets).toEqual([]);
    expect(await repository.recordOf(guildId)).toEqual({
      sentNews: [],
      lastPostedDay: day,
      lastPostedAt: clock.now.toISOString(),
      lastMessageId: '990000000000000001',
    });
    expect(await repository.claimOf(guildId)).toBeUndefined();
  });

  it('a news item sent is remembered once; an older skip is cleared by the post', async () => {
    const news = loadNews(dataDir, facts);
    const { poster, repository } = await setup({ news });
    const newest = news.items[0]!.id;
    // No age limit to speak of: this is about what was sent, and the newest item is months old on this day.
    const anyAge = { ...settings, maxAgeDays: 3650 };
    await repository.saveRecord(guildId, { sentNews: [], skipped: { day: '2026-11-20', lateMinutes: 400 } });
    await poster.post(guildId, anyAge, day);
    expect(await repository.recordOf(guildId)).toMatchObject({ sentNews: [newest], lastPostedDay: day });
    expect((await repository.recordOf(guildId)).skipped).toBeUndefined();
    // The next day brings the next item, and the first stays listed once.
    await poster.post(guildId, anyAge, '2026-11-28');
    expect((await repository.recordOf(guildId)).sentNews).toEqual([newest, news.items[1]!.id]);
  });

  it('news older than the default 30 days is passed over for on this day or a fact, and stays unsent', async () => {
    const news = loadNews(dataDir, facts);
    const { poster, repository } = await setup({ news });
    const { newsId, reply } = await poster.render(guildId, settings, day);
    expect(newsId).toBeUndefined();
    expect(reply.embeds?.[0]?.title).not.toBe(news.items[0]!.headline.en);
    await poster.post(guildId, settings, day);
    expect((await repository.recordOf(guildId)).sentNews).toEqual([]);
    // Within 30 days of the newest item, it is the post.
    const fresh = await poster.render(guildId, settings, '2026-03-20');
    expect(fresh.newsId).toBe(news.items[0]!.id);
  });

  it('news only, with nothing fresh: the day is skipped and recorded as such, and nothing is sent', async () => {
    const news = loadNews(dataDir, facts);
    const { poster, repository, fake } = await setup({ news });
    expect(await poster.post(guildId, { ...settings, topics: ['news'] }, day)).toBe('skipped');
    expect(fake.posts).toEqual([]);
    expect((await repository.recordOf(guildId)).skipped).toEqual({ day, lateMinutes: 0, reason: 'nothing-new' });
    expect(await repository.claimOf(guildId)).toBeUndefined();
    expect((await repository.historyOf(guildId))[0]).toMatchObject({ kind: 'skipped', day, reason: 'nothing-new' });
  });

  it('a news post carries the item’s key facts, as the data says them today', async () => {
    const news = loadNews(dataDir, facts);
    const { poster, clock } = await setup({ news });
    const item = news.items[0]!;
    expect(news.keyFacts(item).length).toBeGreaterThan(0);
    const { reply, newsId } = await poster.render(guildId, { ...settings, maxAgeDays: 3650 }, day);
    expect(newsId).toBe(item.id);
    expect(reply).toEqual(dailyPost({ kind: 'news', item }, news.keyFacts(item), 'en', day, clock.now, facts.sources));
  });

  it('the language of the settings is the language of the post', async () => {
    const { poster } = await setup();
    const english = await poster.render(guildId, settings, day);
    const korean = await poster.render(guildId, { ...settings, language: 'ko' }, day);
    expect(JSON.stringify(korean.reply)).not.toBe(JSON.stringify(english.reply));
    expect(english.newsId).toBeUndefined();
  });

  it.each([
    ['missing permissions (403)', refusal(403, 50013), 'missing-permissions'],
    ['a deleted channel (404)', refusal(404, 10003), 'channel-missing'],
  ] as const)('%s pauses the server with the reason, and keeps no claim', async (_what, error, reason) => {
    const { poster, fake, repository, clock, logs } = await setup();
    fake.onPost = () => Promise.reject(error);
    // After a 403 the bot works out which permission it lacks: here the channel denies it Send Messages.
    fake.onGet = async (path) =>
      path.startsWith('/channels/')
        ? {
            id: settings.channelId,
            type: 0,
            guild_id: guildId,
            permission_overwrites: [{ id: botId, type: 1, allow: '0', deny: String(1n << 11n) }],
          }
        : path.endsWith('/roles')
          ? [{ id: guildId, permissions: String((1n << 10n) | (1n << 11n) | (1n << 14n)) }]
          : { roles: [] };
    const missing = reason === 'missing-permissions' ? ['SendMessages'] : undefined;
    expect(await poster.post(guildId, settings, day)).toBe('paused');
    expect(logs).toEqual([{ level: 'warn', msg: 'daily post paused', fields: { guildId, reason, missing } }]);
    expect(await repository.settingsOf(guildId)).toEqual({
      ...settings,
      paused: { reason, since: clock.now.toISOString(), ...(missing && { missing }) },
    });
    expect((await repository.historyOf(guildId))[0]).toMatchObject({ kind: 'paused', day, reason });
    expect(await repository.claimOf(guildId)).toBeUndefined();
    expect((await repository.recordOf(guildId)).lastPostedDay).toBeUndefined();
  });

  it('a failure that retrying may fix leaves the settings alone and keeps the claim', async () => {
    const { poster, fake, repository, clock, logs } = await setup();
    await repository.saveSettings(guildId, settings);
    const error = refusal(500, 0);
    fake.onPost = () => Promise.reject(error);
    expect(await poster.post(guildId, settings, day)).toBe('failed');
    expect(logs).toEqual([{ level: 'warn', msg: 'daily post failed; will retry', fields: { guildId, err: error } }]);
    expect(await repository.settingsOf(guildId)).toEqual(settings);
    expect(await repository.claimOf(guildId)).toEqual({ day, startedAt: clock.now.toISOString() });
    expect((await repository.recordOf(guildId)).lastPostedDay).toBeUndefined();
  });
});

describe('after a crash (a claim for the day is in the store)', () => {
  const claimedAt = '2026-11-27T00:00:05.000Z';
  const tenMinutesLater = new Date('2026-11-27T00:10:05Z');

  it('past the nonce’s memory, finds our post of that day in the channel and records it instead of sending again', async () => {
    const { poster, fake, repository, clock } = await setup({ now: tenMinutesLater });
    await repository.saveClaim(guildId, { day, startedAt: claimedAt });
    const noFooter = { id: 'm-no-footer', author: { id: botId }, embeds: [{ title: 'an embed without a footer' }] };
    fake.onGet = async () => [ourPost('m-other-day', '2026-11-26'), noFooter, ourPost('m-found', day)];
    expect(await poster.post(guildId, settings, day)).toBe('already-posted');
    expect(fake.posts).toEqual([]);
    expect(fake.gets).toEqual([`/channels/${settings.channelId}/messages`]);
    expect(await repository.recordOf(guildId)).toEqual({
      sentNews: [],
      lastPostedDay: day,
      lastPostedAt: clock.now.toISOString(),
      lastMessageId: 'm-found',
    });
    expect(await repository.claimOf(guildId)).toBeUndefined();
  });

  it('a post of that day by someone else, or of ours on another day, is not it: sends, keeping the first claim', async () => {
    const { poster, fake, repository } = await setup({ now: tenMinutesLater });
    await repository.saveClaim(guildId, { day, startedAt: claimedAt });
    fake.onGet = async () => [
      ourPost('m-someone', day, '500000000000000999'),
      ourPost('m-yesterday', '2026-11-26'),
      { id: 'm-plain', author: { id: botId }, embeds: [] },
    ];
    fake.onPost = () => Promise.reject(refusal(502, 0));
    expect(await poster.post(guildId, settings, day)).toBe('failed');
    expect(fake.posts).toHaveLength(1);
    expect(fake.posts[0]!.body).toMatchObject({ nonce: nonceFor(guildId, day) });
    // The claim keeps the time of the first attempt, so the next retry looks in the channel again.
    expect(await repository.claimOf(guildId)).toEqual({ day, startedAt: claimedAt });
  });

  it('without permission to read the channel, sends anyway (the nonce still guards recent retries)', async () => {
    const { poster, fake, repository } = await setup({ now: tenMinutesLater });
    await repository.saveClaim(guildId, { day, startedAt: claimedAt });
    fake.onGet = () => Promise.reject(refusal(403, 50001));
    expect(await poster.post(guildId, settings, day)).toBe('posted');
    expect(fake.gets).toHaveLength(1);
    expect(fake.posts).toHaveLength(1);
  });

  it('within the nonce’s memory, does not look: Discord dedupes the retry', async () => {
    const { poster, fake, repository } = await setup({ now: new Date('2026-11-27T00:02:05Z') });
    await repository.saveClaim(guildId, { day, startedAt: claimedAt });
    fake.onGet = async () => [ourPost('m-found', day)];
    expect(await poster.post(guildId, settings, day)).toBe('posted');
    expect(fake.gets).toEqual([]);
    expect(fake.posts).toHaveLength(1);
  });

  it('a claim for another day is stale: no look, a fresh claim for this day', async () => {
    const { poster, fake, repository, clock } = await setup({ now: tenMinutesLater });
    await repository.saveClaim(guildId, { day: '2026-11-26', startedAt: '2026-11-26T00:00:05.000Z' });
    fake.onGet = async () => [ourPost('m-found', day)];
    fake.onPost = () => Promise.reject(refusal(502, 0));
    expect(await poster.post(guildId, settings, day)).toBe('failed');
    expect(fake.gets).toEqual([]);
    expect(await repository.claimOf(guildId)).toEqual({ day, startedAt: clock.now.toISOString() });
  });
});
