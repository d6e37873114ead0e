// Where and how the daily post goes (#14): a forum post with a dated title and the News tag, a thread opened on each
// post, one role mentioned and pinged alone (never @everyone), what the post holds (topics, preferred countries, the
// news age limit), and /daily history after a pause. In English and Korean, on a controlled clock.
import { ChannelType, PermissionFlagsBits as P } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_ACTOR } from '../../src/harness/index.js';
import { startWorld, type World } from './world.js';

const guildId = '940000000000000001';
const ch = {
  general: '941000000000000001',
  forum: '941000000000000002',
  forumKo: '941000000000000003',
  noThreads: '941000000000000004',
  strictForum: '941000000000000005',
};
const roles = { diplomacy: '942000000000000001', quiet: '942000000000000002' };
const newsTag = '943000000000000001';
const newsTagKo = '943000000000000003';
const guilds = [
  {
    id: guildId,
    roles: [
      { id: roles.diplomacy, name: 'Diplomacy' },
      { id: roles.quiet, name: 'Quiet', mentionable: false },
    ],
    channels: [
      { id: ch.general, name: 'general' },
      {
        id: ch.forum,
        name: 'briefings',
        type: ChannelType.GuildForum as const,
        tags: [
          { id: '943000000000000002', name: 'Other' },
          { id: newsTag, name: 'NEWS' },
        ],
      },
      {
        id: ch.forumKo,
        name: '브리핑',
        type: ChannelType.GuildForum as const,
        tags: [{ id: newsTagKo, name: '뉴스' }],
      },
      { id: ch.noThreads, name: 'no-threads', botDenied: P.CreatePublicThreads },
      { id: ch.strictForum, name: 'strict', type: ChannelType.GuildForum as const, requireTag: true },
    ],
  },
];
const admin = { ...ADMIN_ACTOR, guildId, channelId: ch.general };
const adminKo = { ...admin, locale: 'ko' as const };
const clock = { now: new Date('2026-11-26T22:00:00Z') }; // 07:00 on 27 November in Seoul
const at9 = '2026-11-27T00:00:05Z'; // 09:00:05 in Seoul
let world: World;

beforeEach(async () => {
  clock.now = new Date('2026-11-26T22:00:00Z');
  world = await startWorld({ fake: { guilds }, now: () => clock.now });
});
afterEach(() => world?.close());

const set = (options: string, who = admin) =>
  world.discord.slash(`/daily set time:09:00 timezone:Asia/Seoul ${options}`, who);
/**
 * Sets the clock and runs what is due. The bot's own once-a-minute tick may run first under load, so tests check what
 * happened (posts, threads, history), not the counts of one run.
 */
const runAt = async (iso: string) => {
  clock.now = new Date(iso);
  return world.bot.scheduler.runDue();
};
const text = (result: { data: { content?: string; embeds?: { description?: string }[] } }) =>
  result.data.content ?? result.data.embeds?.[0]?.description ?? '';

describe('a forum channel', () => {
  it('opens a forum post each day, with a dated title and the forum’s News tag (matched without case)', async () => {
    const reply = await set('channel:#briefings');
    expect(text(reply)).toContain('Each post is a new forum post.');
    expect(text(reply)).toContain('Posts get the tag NEWS.');
    // No confirmation post in a forum: the permissions were checked instead.
    expect(world.discord.threads(ch.forum)).toHaveLength(0);
    await runAt(at9);
    const [post] = world.discord.threads(ch.forum);
    expect(post?.name).toMatch(/^27 November 2026 · /);
    expect(post?.appliedTags).toEqual([newsTag]);
    const [message] = world.discord.channelMessages(post!.id);
    expect(message?.embeds.at(-1)?.footer?.text).toBe('attache daily post · 2026-11-27');
    // Once a day.
    await runAt('2026-11-27T00:05:00Z');
    expect(world.discord.threads(ch.forum)).toHaveLength(1);
    await runAt('2026-11-28T00:00:05Z');
    expect(world.discord.threads(ch.forum).map((t) => t.name.split(' · ')[0])).toEqual([
      '27 November 2026',
      '28 November 2026',
    ]);
  });

  it('exactly once without a nonce: a lost answer is not retried blindly, and the next run finds the post', async () => {
    await set('channel:#briefings');
    // Discord opened the post, but the answer never came: forum posts take no nonce, so no blind retry.
    world.discord.inject(
      { method: 'POST', path: `/channels/${ch.forum}/threads` },
      { status: 502, afterHandling: true },
    );
    await runAt(at9);
    expect(world.discord.threads(ch.forum)).toHaveLength(1);
    // A minute later the claim says to look first: the post is found among the active threads and recorded.
    await runAt('2026-11-27T00:01:05Z');
    expect(world.discord.threads(ch.forum)).toHaveLength(1);
    expect(text(await world.discord.slash('/daily history', admin))).toContain('2026-11-27: posted');
    // A rate limit is waited out, not counted as a failure: still one post the next day.
    world.discord.rateLimit({ method: 'POST', path: `/channels/${ch.forum}/threads`, retryAfter: 0.1 });
    await runAt('2026-11-28T00:00:05Z');
    expect(world.discord.threads(ch.forum)).toHaveLength(2);
  });

  it('in Korean: the title is dated in Korean and the 뉴스 tag is applied', async () => {
    const reply = await set('channel:#브리핑', adminKo);
    expect(text(reply)).toContain('게시물마다 새 포럼 게시물이 만들어집니다.');
    expect(text(reply)).toContain('게시물에 뉴스 태그를 붙입니다.');
    await runAt(at9);
    const [post] = world.discord.threads(ch.forumKo);
    expect(post?.name).toMatch(/^2026년 11월 27일 · /);
    expect(post?.appliedTags).toEqual([newsTagKo]);
  });

  it('explains before saving when the bot may not create posts there, or the forum requires a tag it lacks', async () => {
    world.discord.setChannel(ch.forum, { botCanPost: false });
    const refused = await set('channel:#briefings');
    expect(text(refused)).toContain("I can't post in <#941000000000000002>");
    expect(text(refused)).toContain('Send Messages (in a forum: Create Posts)');
    const refusedKo = await set('channel:#briefings', adminKo);
    expect(text(refusedKo)).toContain('메시지 보내기 (포럼에서는 게시물 만들기)');
    expect(text(await set('channel:#strict'))).toContain('requires a tag on every post');
    expect(text(await set('channel:#strict', adminKo))).toContain('모든 게시물에 태그가 필요한데');
    expect((await world.discord.slash('/daily status', admin)).data.content).toContain('No daily post');
  });
});

describe('a thread on each post', () => {
  it('posts in the channel and opens a thread from the message, named with the day', async () => {
    const reply = await set('channel:#general thread:true');
    expect(text(reply)).toContain('Each post opens a thread for discussion.');
    await runAt(at9);
    const posts = world.discord.channelMessages(ch.general).filter((m) => m.embeds.length);
    expect(posts).toHaveLength(1);
    const [thread] = world.discord.threads(ch.general);
    expect(thread?.id).toBe(posts[0]!.id);
    expect(thread?.name).toMatch(/^27 November 2026 · /);
    expect(thread?.type).toBe(ChannelType.PublicThread);
  });

  it('in Korean, and refused before saving without Create Public Threads', async () => {
    await set('channel:#general thread:true', adminKo);
    await runAt(at9);
    expect(world.discord.threads(ch.general)[0]?.name).toMatch(/^2026년 11월 27일 · /);
    const refused = await set('channel:#no-threads thread:true');
    expect(text(refused)).toContain('Create Public Threads');
    const refusedKo = await set('channel:#no-threads thread:true', adminKo);
    expect(text(refusedKo)).toContain('공개 스레드 만들기');
    // Still the thread setting of #general: a refused change changes nothing.
    const status = (await world.discord.slash('/daily status', admin)).data.embeds?.[0]?.description ?? '';
    expect(status).toContain('<#941000000000000001>');
  });

  it('keeps the post when the thread is refused later, and the history says what to grant', async () => {
    await set('channel:#general thread:true');
    world.discord.setChannel(ch.general, { botDenied: P.CreatePublicThreads });
    await runAt(at9);
    expect(world.discord.channelMessages(ch.general).filter((m) => m.embeds.length)).toHaveLength(1);
    const history = text(await world.discord.slash('/daily history', admin));
    expect(history).toContain('2026-11-27: posted');
    expect(history).toContain('but the thread could not be opened');
    expect(history).toContain('Create Public Threads');
  });
});

describe('who gets told', () => {
  it('mentions the chosen role, allowed for that role alone, and it pings', async () => {
    const reply = await set(`channel:#general role:<@&${roles.diplomacy}>`);
    expect(text(reply)).toContain(`Mentions <@&${roles.diplomacy}> (no one else).`);
    await runAt(at9);
    const request = world.discord.requests.find(
      (r) =>
        r.method === 'POST' &&
        r.path === `/channels/${ch.general}/messages` &&
        JSON.stringify(r.body).includes('embeds'),
    );
    const body = request?.body as { content?: string; allowed_mentions?: unknown };
    expect(body.content).toBe(`<@&${roles.diplomacy}>`);
    expect(body.allowed_mentions).toEqual({ parse: [], roles: [roles.diplomacy] });
    const [post] = world.discord.channelMessages(ch.general).filter((m) => m.embeds.length);
    expect(post?.mention_roles).toEqual([roles.diplomacy]);
    expect(post?.mention_everyone).toBe(false);
    // The confirmation pinged no one.
    expect(world.discord.channelMessages(ch.general)[0]?.mention_roles).toEqual([]);
  });

  it('in a forum post too, and in Korean; clear-role stops it', async () => {
    const reply = await set(`channel:#브리핑 role:<@&${roles.diplomacy}>`, adminKo);
    expect(text(reply)).toContain(`멘션: <@&${roles.diplomacy}>`);
    await runAt(at9);
    const [post] = world.discord.threads(ch.forumKo);
    expect(world.discord.channelMessages(post!.id)[0]?.mention_roles).toEqual([roles.diplomacy]);
    const cleared = await set('channel:#브리핑 clear-role:true', adminKo);
    expect(text(cleared)).toContain('아무도 멘션하지 않습니다.');
    await runAt('2026-11-28T00:00:05Z');
    const second = world.discord.threads(ch.forumKo)[1]!;
    expect(world.discord.channelMessages(second.id)[0]?.content ?? '').not.toContain('<@&');
  });

  it('refuses @everyone, in both languages, and warns when a role will not ping', async () => {
    const everyone = await set(`channel:#general role:<@&${guildId}>`);
    expect(everyone.ephemeral).toBe(true);
    expect(text(everyone)).toContain('I never mention @everyone or @here.');
    const everyoneKo = await set(`channel:#general role:<@&${guildId}>`, adminKo);
    expect(text(everyoneKo)).toContain('@everyone이나 @here는 멘션하지 않습니다.');
    expect((await world.discord.slash('/daily status', admin)).data.content).toContain('No daily post');
    // A role nobody may mention, where the bot lacks Mention @everyone, @here and All Roles.
    world.discord.setChannel(ch.general, { botDenied: P.MentionEveryone });
    const quiet = await set(`channel:#general role:<@&${roles.quiet}>`);
    expect(text(quiet)).toContain('is not mentionable');
  });
});

describe('what it holds', () => {
  it('skips news older than max-age in favour of on this day or a fact (default 30 days)', async () => {
    clock.now = new Date('2026-03-19T22:00:00Z'); // 15 days after the newest item (5 March 2026)
    await set('channel:#general');
    await runAt('2026-03-20T00:00:05Z');
    const [first] = world.discord.channelMessages(ch.general).filter((m) => m.embeds.length);
    expect(first?.embeds[0]?.fields?.map((f) => f.name)).toContain('Countries involved');
    // A week's limit: the same item is too old the next day, so the post is on this day or a fact instead.
    const limited = await set('channel:#general max-age:7');
    expect(text(limited)).toContain('News older than 7 days is passed over.');
    await runAt('2026-03-21T00:00:05Z');
    const second = world.discord.channelMessages(ch.general).filter((m) => m.embeds.length)[1];
    expect(second?.embeds[0]?.fields?.map((f) => f.name)).not.toContain('Countries involved');
    expect(second?.embeds[0]?.fields?.map((f) => f.name)).toContain('Countries in this post');
  });

  it('in Korean: news only with nothing fresh skips the day, and the history says why', async () => {
    await set('channel:#general topics:news', adminKo);
    await runAt(at9);
    expect(world.discord.channelMessages(ch.general).filter((m) => m.embeds.length)).toHaveLength(0);
    const history = text(await world.discord.slash('/daily history', adminKo));
    expect(history).toContain('2026-11-27: 건너뜀. 기한 안의 뉴스가 없고');
    const status = (await world.discord.slash('/daily status', adminKo)).data.embeds?.[0]?.description ?? '';
    expect(status).toContain('2026-11-27 게시물은 건너뛰었습니다');
  });

  it('adds a quiz question of the day with its answer hidden, and says which countries the post concerns', async () => {
    const reply = await set('channel:#general topics:all prefer:KR, Japan');
    expect(text(reply)).toContain('Holds: news, on this day, fact of the day, quiz question of the day.');
    expect(text(reply)).toContain('Prefers: KR, JP.');
    await runAt(at9);
    const [post] = world.discord.channelMessages(ch.general).filter((m) => m.embeds.length);
    const [main, quiz] = post!.embeds;
    expect(quiz?.title).toBe('Quiz question of the day');
    expect(quiz?.description).toMatch(/\*\*A\.\*\* .+\n\*\*B\.\*\*/);
    expect(quiz?.description).toMatch(/Answer: \|\|[A-D]\. .+\|\|/);
    // The day's footer is on the last embed, where a look for an earlier post finds it.
    expect(quiz?.footer?.text).toBe('attache daily post · 2026-11-27');
    // The post names the countries it concerns: those of each line of "on this day".
    const concerns = main?.fields?.find((f) => f.name === 'Countries in this post')?.value ?? '';
    expect(concerns.split(' · ').length).toBeGreaterThan(1);
    expect(main?.title).toMatch(/^On this day/);
  });

  it('autocompletes preferred countries after a comma, and refuses an unknown one (in Korean too)', async () => {
    const choices = await world.discord.autocomplete('/daily set channel:#general prefer:KR, jap', 'prefer', admin);
    expect(choices[0]).toMatchObject({ value: 'KR, JP' });
    const ko = await world.discord.autocomplete('/daily set channel:#general prefer:일본', 'prefer', adminKo);
    expect(ko[0]?.value).toBe('JP');
    expect(text(await set('channel:#general prefer:Atlantis'))).toContain('I don\'t know a country "Atlantis"');
    expect(text(await set('channel:#general prefer:Atlantis', adminKo))).toContain('나라를 찾지 못했습니다');
  });
});

describe('/daily history', () => {
  it('after a pause: posted with a jump link, paused with the permission to grant, then still paused', async () => {
    await set('channel:#general');
    await runAt(at9);
    const [posted] = world.discord.channelMessages(ch.general).filter((m) => m.embeds.length);
    world.discord.setChannel(ch.general, { botCanPost: false });
    await runAt('2026-11-28T00:00:05Z');
    clock.now = new Date('2026-11-29T03:00:00Z');
    const history = text(await world.discord.slash('/daily history', admin));
    expect(history).toContain(
      `2026-11-27: posted, https://discord.com/channels/${guildId}/${ch.general}/${posted!.id}`,
    );
    expect(history).toContain('2026-11-28: Discord refused the post, so it paused');
    expect(history).toContain('Send Messages');
    expect(history).toContain('2026-11-29: paused');
    expect(history).toContain('No post goes out until you fix that and run /daily set again.');
    // Fixed and set again: the next post is listed.
    world.discord.setChannel(ch.general, { botCanPost: true });
    await set('channel:#general');
    const resumed = text(await world.discord.slash('/daily history', admin));
    expect(resumed).toContain(`Next post: <t:${Date.parse('2026-11-30T00:00:00Z') / 1000}:F>`);
  });

  it('in Korean, with a deleted channel', async () => {
    await set('channel:#general', adminKo);
    await runAt(at9);
    world.discord.deleteChannel(ch.general);
    await runAt('2026-11-28T00:00:05Z');
    const history = text(await world.discord.slash('/daily history', { ...adminKo, channelId: ch.noThreads }));
    expect(history).toContain('2026-11-27: 게시함, https://discord.com/channels/');
    expect(history).toContain('2026-11-28: Discord가 게시를 거부해 일시 중지됨: 채널이 더 이상 없습니다.');
    expect(history).toContain('`/일일 설정` 명령을 다시 실행할 때까지');
  });
});
