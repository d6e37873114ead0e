// /daily and the scheduled post through the fake Discord, on a controlled clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_ACTOR } from '../../src/harness/index.js';
import { startWorld, type World } from './world.js';

const clock = { now: new Date('2026-11-26T22:00:00Z') }; // 07:00 on 27 November in Seoul
let world: World;
const guilds = [
  {
    id: '900000000000000001',
    channels: [
      { id: '910000000000000001', name: 'general' },
      { id: '910000000000000002', name: 'locked', botCanPost: false },
    ],
  },
  { id: '900000000000000002', channels: [{ id: '920000000000000001', name: 'news' }] },
];
const [first, second] = [guilds[0]!, guilds[1]!];
const admin = { ...ADMIN_ACTOR, guildId: first.id, channelId: first.channels[0]!.id };
const general = first.channels[0]!.id;

beforeEach(async () => {
  clock.now = new Date('2026-11-26T22:00:00Z');
  world = await startWorld({ fake: { guilds }, now: () => clock.now });
});
afterEach(() => world?.close());

/** Posts the bot made in a channel that are daily posts (not the confirmation). */
const dailyPosts = (channelId: string) =>
  world.discord
    .channelMessages(channelId)
    .filter((message) => message.embeds.some((embed) => embed.footer?.text.includes('daily post')));

async function setDaily(line = '/daily set channel:#general time:09:00 timezone:Asia/Seoul', who = admin) {
  return world.discord.slash(line, who);
}

describe('/daily settings', () => {
  it('is for Manage Server only: hidden by default, and refused at run time if an admin opened it to everyone', async () => {
    const daily = world.discord.registeredCommands().find((command) => command.name === 'daily');
    expect(daily?.default_member_permissions).toBe('32');
    world.discord.allowCommandForEveryone('daily', first.id);
    const result = await world.discord.slash('/daily set channel:#general', { guildId: first.id });
    expect(result.ephemeral).toBe(true);
    expect(result.data.content).toContain('Manage Server');
    expect(world.discord.channelMessages(general)).toHaveLength(0);
    expect((await world.discord.slash('/daily status', admin)).data.content).toContain('No daily post');
  });

  it('set: confirms in the channel without pinging, and status shows channel, time, zone and the next post', async () => {
    const result = await setDaily();
    expect(result.ephemeral).toBe(true);
    expect(result.data.content).toContain(`<#${general}>`);
    const [confirmation] = world.discord.channelMessages(general);
    expect(confirmation?.content).toContain('09:00 (Asia/Seoul)');
    const post = world.discord.requests.find(
      (request) => request.method === 'POST' && request.path === `/channels/${general}/messages`,
    );
    expect((post?.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });

    const status = (await world.discord.slash('/daily status', admin)).data.embeds?.[0]?.description ?? '';
    expect(status).toContain(`<#${general}>`);
    expect(status).toContain('09:00 (Asia/Seoul)');
    // 09:00 on 27 November in Seoul is 00:00 UTC.
    expect(status).toContain(`<t:${Date.parse('2026-11-27T00:00:00Z') / 1000}:F>`);
    expect(status).toContain('not yet');
  });

  it('refuses a channel the bot cannot post in, with the reason, and a bad time or zone', async () => {
    const locked = await setDaily('/daily set channel:#locked');
    expect(locked.data.content).toContain('missing the permission');
    expect((await world.discord.slash('/daily status', admin)).data.content).toContain('No daily post');
    expect((await setDaily('/daily set channel:#general time:25:00')).data.content).toContain('not a time');
    expect((await setDaily('/daily set channel:#general timezone:Mars/Olympus')).data.content).toContain(
      'not a time zone',
    );
  });

  it('autocompletes time zones', async () => {
    const choices = await world.discord.autocomplete('/daily set channel:#general timezone:seoul', 'timezone', admin);
    expect(choices.map((choice) => choice.value)).toContain('Asia/Seoul');
  });

  it('accepts a city, an abbreviation or a UTC offset, and says which IANA zone it chose', async () => {
    const seoul = await setDaily('/daily set channel:#general time:09:00 timezone:seoul');
    expect(seoul.data.content).toContain('I read "seoul" as the time zone Asia/Seoul.');
    expect(seoul.data.content).toContain('09:00 (Asia/Seoul)');
    const kst = await setDaily('/daily set channel:#general time:09:00 timezone:KST');
    expect(kst.data.content).toContain('I read "KST" as the time zone Asia/Seoul.');
    const offset = await setDaily('/daily set channel:#general time:09:00 timezone:UTC+9');
    expect(offset.data.content).toContain('UTC+9 is the fixed zone Etc/GMT-9');
    expect(offset.data.content).toContain('sign reversed');
    expect(offset.data.content).toContain('09:00 (Etc/GMT-9)');
    const status = (await world.discord.slash('/daily status', admin)).data.embeds?.[0]?.description ?? '';
    expect(status).toContain('09:00 (Etc/GMT-9)');
    // 09:00 at UTC+9 on 27 November is 00:00 UTC.
    expect(status).toContain(`<t:${Date.parse('2026-11-27T00:00:00Z') / 1000}:F>`);
  });

  it('in Korean too, and asks which zone is meant when an abbreviation fits several', async () => {
    const ko = { ...admin, locale: 'ko' as const };
    const seoul = await setDaily('/daily set channel:#general time:09:00 timezone:서울', ko);
    expect(seoul.data.content).toContain('"서울"은 Asia/Seoul 시간대로 해석했습니다.');
    const offset = await setDaily('/daily set channel:#general time:09:00 timezone:UTC+9', ko);
    expect(offset.data.content).toContain('UTC+9는 고정 시간대 Etc/GMT-9입니다');
    const ist = await setDaily('/daily set channel:#general timezone:IST');
    expect(ist.ephemeral).toBe(true);
    expect(ist.data.content).toContain('Asia/Kolkata, Europe/Dublin, Asia/Jerusalem');
    const istKo = await setDaily('/daily set channel:#general timezone:IST', ko);
    expect(istKo.data.content).toContain('해당하는 시간대가 여럿입니다');
    const empty = await setDaily('/daily set channel:#general timezone:', ko);
    expect(empty.data.content).toContain('시간대가 비어 있습니다');
  });

  it('autocompletes abbreviations and offsets, offering only current zone names', async () => {
    const complete = async (typed: string) =>
      (await world.discord.autocomplete(`/daily set channel:#general timezone:${typed}`, 'timezone', admin)).map(
        (choice) => choice.value,
      );
    expect((await complete('KST'))[0]).toBe('Asia/Seoul');
    expect((await complete('UTC+9'))[0]).toBe('Etc/GMT-9');
    expect(await complete('asmera')).toEqual(['Africa/Asmara']);
    expect(await complete('Africa')).not.toContain('Africa/Asmera');
  });

  it('off stops it; preview shows the next post privately without sending it', async () => {
    await setDaily();
    const preview = await world.discord.slash('/daily preview', admin);
    expect(preview.ephemeral).toBe(true);
    expect(preview.data.embeds?.[0]?.footer?.text).toContain('2026-11-27');
    expect(dailyPosts(general)).toHaveLength(0);
    expect((await world.discord.slash('/daily off', admin)).data.content).toContain('off');
    clock.now = new Date('2026-11-27T00:00:10Z');
    await world.bot.scheduler.runDue();
    expect(dailyPosts(general)).toHaveLength(0);
  });
});

describe('/daily test', () => {
  const isTest = (message: { embeds: { footer?: { text: string } }[] }) =>
    message.embeds.some((embed) => embed.footer?.text.endsWith(' · test') || embed.footer?.text.endsWith(' · 테스트'));

  it('posts the next daily post in the channel now, marked as a test, and the real one still goes out', async () => {
    // News of any age, so that the test shows a news item, which must stay unsent.
    await setDaily('/daily set channel:#general time:09:00 timezone:Asia/Seoul max-age:3650');
    const reply = await world.discord.slash('/daily test', admin);
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toContain(`Test post sent to <#${general}>`);
    expect(reply.data.content).toContain(`<t:${Date.parse('2026-11-27T00:00:00Z') / 1000}:F>`);
    const tests = dailyPosts(general).filter(isTest);
    expect(tests).toHaveLength(1);
    expect(tests[0]?.content).toContain(
      "Test of the daily post for 2026-11-27, sent by an admin. It does not count as that day's post.",
    );
    expect(tests[0]?.embeds[0]?.footer?.text).toBe('attache daily post · 2026-11-27 · test');
    // Not counted: the status still waits for the first post, and the day's post goes out at its minute.
    const status = (await world.discord.slash('/daily status', admin)).data.embeds?.[0]?.description ?? '';
    expect(status).toContain('not yet');
    clock.now = new Date('2026-11-27T00:00:05Z');
    await world.bot.scheduler.runDue();
    const real = dailyPosts(general).filter((message) => !isTest(message));
    expect(real).toHaveLength(1);
    // The same content as the test: the news item shown in the test was not marked as sent.
    expect(real[0]?.embeds[0]?.title).toBe(tests[0]?.embeds[0]?.title);
    expect(real[0]?.embeds[0]?.footer?.text).toBe('attache daily post · 2026-11-27');
  });

  it('in Korean, for Manage Server only, and says so when nothing is set up', async () => {
    const ko = { ...admin, locale: 'ko' as const };
    expect((await world.discord.slash('/daily test', ko)).data.content).toContain(
      '일일 게시물이 설정되어 있지 않습니다',
    );
    await setDaily('/daily set channel:#general time:09:00 timezone:Asia/Seoul', ko);
    const reply = await world.discord.slash('/daily test', ko);
    expect(reply.data.content).toContain('테스트 게시물을 보냈습니다');
    const tests = world.discord.channelMessages(general).filter(isTest);
    expect(tests[0]?.embeds[0]?.footer?.text).toBe('attache 일일 게시물 · 2026-11-27 · 테스트');
    expect(tests[0]?.content).toContain('2026-11-27 일일 게시물 테스트입니다. 그날의 게시물로 치지 않습니다.');
    world.discord.allowCommandForEveryone('daily', first.id);
    const member = await world.discord.slash('/daily test', { guildId: first.id, locale: 'ko' });
    expect(member.ephemeral).toBe(true);
    expect(member.data.content).toContain('서버 관리 권한');
    expect(world.discord.channelMessages(general).filter(isTest)).toHaveLength(1);
  });

  it('says why when the bot cannot post there, and changes nothing', async () => {
    await setDaily();
    world.discord.setChannel(general, { botCanPost: false });
    const reply = await world.discord.slash('/daily test', admin);
    expect(reply.data.content).toContain('missing the permission');
    const status = (await world.discord.slash('/daily status', admin)).data.embeds?.[0]?.description ?? '';
    expect(status).not.toMatch(/paused/i);
  });
});

describe('the scheduled post', () => {
  it('arrives at its minute in the server’s zone, once', async () => {
    await setDaily();
    clock.now = new Date('2026-11-26T23:59:30Z'); // 08:59:30 in Seoul
    await world.bot.scheduler.runDue();
    expect(dailyPosts(general)).toHaveLength(0);
    clock.now = new Date('2026-11-27T00:00:05Z'); // 09:00:05 in Seoul
    await world.bot.scheduler.runDue();
    await world.bot.scheduler.runDue();
    const posts = dailyPosts(general);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.embeds[0]?.footer?.text).toContain('2026-11-27');
    const status = (await world.discord.slash('/daily status', admin)).data.embeds?.[0]?.description ?? '';
    expect(status).toContain(`<t:${Date.parse('2026-11-28T00:00:00Z') / 1000}:F>`);
    expect(status).not.toContain('not yet');
  });

  it('the next day brings the next news item (with news within max-age)', async () => {
    // The newest items are months old on this clock: max-age is raised so that this is about news order alone.
    await setDaily('/daily set channel:#general time:09:00 timezone:Asia/Seoul max-age:3650');
    clock.now = new Date('2026-11-27T00:00:05Z');
    await world.bot.scheduler.runDue();
    clock.now = new Date('2026-11-28T00:00:05Z');
    await world.bot.scheduler.runDue();
    const posts = dailyPosts(general);
    expect(posts).toHaveLength(2);
    const [day1, day2] = posts.map((post) => post.embeds[0]!);
    expect(day1?.footer?.text).toContain('2026-11-27');
    expect(day2?.footer?.text).toContain('2026-11-28');
    // News embeds: their source is linked, and their countries are listed.
    expect(day1?.fields?.map((field) => field.name)).toContain('Countries involved');
    expect(day2?.fields?.map((field) => field.name)).toContain('Countries involved');
    expect(day1?.title).toBeTruthy();
    expect(day2?.title).toBeTruthy();
    expect(day2?.title).not.toBe(day1?.title);
  });

  it('settings and records survive a restart on the same SQLite file: no second post that day', async () => {
    await setDaily();
    clock.now = new Date('2026-11-27T00:00:05Z');
    await world.bot.scheduler.runDue();
    await world.restart();
    await world.bot.scheduler.runDue();
    expect(dailyPosts(general)).toHaveLength(1);
    expect((await world.discord.slash('/daily status', admin)).data.embeds?.[0]?.description).toContain(
      '09:00 (Asia/Seoul)',
    );
  });

  it('a 429 on the channel post still gives exactly one post', async () => {
    await setDaily();
    world.discord.inject(
      { method: 'POST', path: `/channels/${general}/messages` },
      {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
        headers: { 'retry-after': '0.05' },
      },
    );
    clock.now = new Date('2026-11-27T00:00:05Z');
    await world.bot.scheduler.runDue();
    expect(dailyPosts(general)).toHaveLength(1);
    expect(world.discord.requests.some((request) => request.status === 429)).toBe(true);
  });

  it('a lost response (Discord posted, the bot saw an error) is retried without a duplicate', async () => {
    await setDaily();
    world.discord.inject(
      { method: 'POST', path: `/channels/${general}/messages` },
      { status: 502, afterHandling: true },
    );
    clock.now = new Date('2026-11-27T00:00:05Z');
    await world.bot.scheduler.runDue();
    expect(dailyPosts(general)).toHaveLength(1);
  });

  it('a crash between sending and recording, then a restart minutes later, gives one post', async () => {
    await setDaily();
    // Every answer lost: the post exists on Discord, but the bot gives up and records nothing.
    world.discord.inject(
      { method: 'POST', path: `/channels/${general}/messages` },
      { status: 502, afterHandling: true },
      10,
    );
    clock.now = new Date('2026-11-27T00:00:05Z');
    const first = await world.bot.scheduler.runDue();
    expect(first.failed).toBe(1);
    world.discord.clearInjections();
    // Ten minutes on, Discord no longer remembers the nonce: only the bot's look in the channel can prevent a repeat.
    world.discord.forgetNonces();
    clock.now = new Date('2026-11-27T00:10:00Z');
    await world.restart();
    await world.bot.scheduler.runDue();
    expect(dailyPosts(general)).toHaveLength(1);
    expect((await world.discord.slash('/daily status', admin)).data.embeds?.[0]?.description).not.toContain('not yet');
  });

  it('two processes sharing the store post once, even when both send before either hears back', async () => {
    await setDaily();
    const other = await world.launchAnother();
    // Discord answers the posts slowly, so neither process can record its post before the other sends its own:
    // only the nonce keeps the second from being a duplicate.
    world.discord.inject({ method: 'POST', path: `/channels/${general}/messages` }, { delayMs: 500 }, 2);
    clock.now = new Date('2026-11-27T00:00:05Z');
    const runs = await Promise.all([world.bot.scheduler.runDue(), other.scheduler.runDue()]);
    const sends = world.discord.requests.filter(
      (request) =>
        request.method === 'POST' &&
        request.path === `/channels/${general}/messages` &&
        JSON.stringify(request.body).includes('daily post'),
    );
    expect(sends).toHaveLength(2); // they raced
    expect(runs.map((run) => run.posted)).toEqual([1, 1]);
    expect(dailyPosts(general)).toHaveLength(1);
  });

  it('a post missed while the bot was down is sent on start-up when less than 6 hours late, else skipped and said', async () => {
    await setDaily();
    await world.bot.stop();
    clock.now = new Date('2026-11-27T03:00:00Z'); // 12:00 in Seoul: 3 hours late
    await world.restart();
    await world.bot.scheduler.runDue();
    expect(dailyPosts(general)).toHaveLength(1);

    clock.now = new Date('2026-11-28T07:00:00Z'); // 16:00 in Seoul the next day: 7 hours late
    await world.restart();
    await world.bot.scheduler.runDue();
    expect(dailyPosts(general)).toHaveLength(1);
    const status = (await world.discord.slash('/daily status', admin)).data.embeds?.[0]?.description ?? '';
    expect(status).toContain('2026-11-28 was skipped');
  });

  it('a deleted channel pauses that server with the reason; other servers still get theirs', async () => {
    await setDaily();
    const otherAdmin = { ...ADMIN_ACTOR, guildId: second.id, channelId: second.channels[0]!.id };
    await world.discord.slash('/daily set channel:#news time:09:00 timezone:Asia/Seoul', otherAdmin);
    world.discord.deleteChannel(general);
    clock.now = new Date('2026-11-27T00:00:05Z');
    const run = await world.bot.scheduler.runDue();
    expect(run).toMatchObject({ posted: 1, paused: 1 });
    expect(dailyPosts(second.channels[0]!.id)).toHaveLength(1);
    const inLocked = { ...admin, channelId: first.channels[1]!.id };
    const status = (await world.discord.slash('/daily status', inLocked)).data.embeds?.[0]?.description ?? '';
    expect(status).toContain('Paused');
    expect(status).toContain('no longer exists');
    clock.now = new Date('2026-11-28T00:00:05Z');
    const next = await world.bot.scheduler.runDue();
    expect(next.paused).toBe(0); // a paused server is not retried
  });
});
