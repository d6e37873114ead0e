// /settings through the fake Discord: a server's default country for /relations and its fixed language, in both
// languages, kept per server, and for Manage Server only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_ACTOR } from '../../src/harness/index.js';
import { startWorld, type World } from './world.js';

let world: World;
const guilds = [
  { id: '900000000000000001', channels: [{ id: '910000000000000001', name: 'general' }] },
  { id: '900000000000000002', channels: [{ id: '920000000000000001', name: 'news' }] },
];
const [first, second] = [guilds[0]!, guilds[1]!];
const admin = { ...ADMIN_ACTOR, guildId: first.id, channelId: first.channels[0]!.id };
const koAdmin = { ...admin, locale: 'ko' as const };
const member = { guildId: first.id, channelId: first.channels[0]!.id };
const inSecond = { guildId: second.id, channelId: second.channels[0]!.id };

beforeEach(async () => {
  world = await startWorld({ fake: { guilds } });
});
afterEach(() => world?.close());

const titleOf = async (line: string, actor: object) =>
  (await world.discord.slash(line, actor)).data.embeds?.[0]?.title ?? '';

describe('/settings default-country', () => {
  it('makes /relations compare with that country in this server only, and an empty one goes back to the default', async () => {
    const set = await world.discord.slash('/settings default-country country:Japan', admin);
    expect(set.ephemeral).toBe(true);
    expect(set.data.content).toContain('Japan');
    expect(await titleOf('/relations country:Syria', member)).toContain('Japan');
    expect(await titleOf('/relations country:Syria', member)).not.toContain('South Korea');
    expect(await titleOf('/relations country:Syria', inSecond)).toContain('South Korea');
    expect(await titleOf('/relations country:Syria with:France', member)).toContain('France');

    const reset = await world.discord.slash('/settings default-country', admin);
    expect(reset.data.content).toContain("bot's default");
    expect(await titleOf('/relations country:Syria', member)).toContain('South Korea');
  });

  it('answers an unknown country privately, in Korean too, and changes nothing', async () => {
    const unknown = await world.discord.slash('/settings default-country country:Narnia', koAdmin);
    expect(unknown.ephemeral).toBe(true);
    expect(JSON.stringify(unknown.data)).toContain('Narnia');
    expect(JSON.stringify(unknown.data)).toContain('찾지 못했습니다');
    expect(await titleOf('/relations country:Syria', member)).toContain('South Korea');
  });
});

describe('/settings language', () => {
  it('ko: every reader gets Korean in this server, whatever their Discord language; auto: their own again', async () => {
    const fixed = await world.discord.slash('/settings language language:ko', admin);
    expect(fixed.data.content).toContain('한국어');
    expect(await titleOf('/relations country:Syria', { ...member, locale: 'en-US' })).toContain('시리아');
    expect(await titleOf('/relations country:Syria', { ...inSecond, locale: 'en-US' })).toContain('Syria');

    const auto = await world.discord.slash('/settings language language:auto', admin);
    expect(auto.data.content).toContain('own Discord language');
    expect(await titleOf('/relations country:Syria', { ...member, locale: 'en-US' })).toContain('Syria');
    expect(await titleOf('/relations country:Syria', { ...member, locale: 'ko' })).toContain('시리아');
  });

  it('a fixed language also applies to the daily post', async () => {
    await world.discord.slash('/daily set channel:#general time:09:00 timezone:Asia/Seoul', admin);
    await world.discord.slash('/settings language language:ko', admin);
    const preview = await world.discord.slash('/daily preview', admin);
    expect(JSON.stringify(preview.data.embeds)).toMatch(/[가-힣]/);
  });
});

describe('/settings show', () => {
  it('shows the defaults, then what was chosen, in the reader’s language', async () => {
    const before = await world.discord.slash('/settings show', admin);
    const fields = () => before.data.embeds?.[0]?.fields?.map((field) => field.value) ?? [];
    expect(fields()).toEqual(["🇰🇷 South Korea (the bot's default)", "Each member's own Discord language"]);
    await world.discord.slash('/settings default-country country:JP', admin);
    const after = await world.discord.slash('/settings show', koAdmin);
    expect(after.data.embeds?.[0]?.title).toBe('이 서버의 설정');
    expect(after.data.embeds?.[0]?.fields?.map((field) => field.value)).toEqual(['🇯🇵 일본', '각 멤버의 Discord 언어']);
  });

  it('is for Manage Server only', async () => {
    const settings = world.discord.registeredCommands().find((command) => command.name === 'settings');
    expect(settings?.default_member_permissions).toBe('32');
    world.discord.allowCommandForEveryone('settings', first.id);
    const refused = await world.discord.slash('/settings language language:ko', member);
    expect(refused.ephemeral).toBe(true);
    expect(refused.data.content).toContain('Manage Server');
    expect(await titleOf('/relations country:Syria', member)).toContain('Syria');
    expect(await titleOf('/relations country:Syria', member)).not.toContain('시리아');
  });
});
