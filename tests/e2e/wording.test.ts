// Issue #13's wording defects, as a reader sees them: labels only where they are true, each fact said once,
// empty input, footers that say what they mean, and the commands that work outside servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld({ now: () => new Date('2026-11-26T12:00:00Z') });
});
afterAll(() => world?.close());

async function ask(line: string, options: { locale?: 'ko'; dm?: boolean } = {}) {
  const result = await world.discord.slash(line, options);
  const embed = result.data.embeds?.[0];
  const text = [
    result.data.content,
    embed?.title,
    embed?.description,
    ...(embed?.fields ?? []).flatMap((f) => [f.name, f.value]),
    embed?.footer?.text,
  ]
    .filter(Boolean)
    .join('\n');
  return { result, embed, text };
}

const history = (embed: { fields?: { name: string; value: string }[] } | undefined, name: string) =>
  embed?.fields?.find((field) => field.name === name)?.value ?? '';

describe('"before the Republic of Korea" only where it is true', () => {
  it('Japan 1965: a treaty, not labelled as before the Republic of Korea', async () => {
    const en = await ask('/relations country:Japan');
    expect(history(en.embed, 'History')).toContain('22 June 1965: treaty: Basic Relations Treaty');
    expect(en.text).not.toMatch(/before the Republic of Korea/);
    const ko = await ask('/relations country:Japan', { locale: 'ko' });
    expect(history(ko.embed, '경과')).toContain('1965년 6월 22일: 조약: 한일기본조약');
    expect(ko.text).not.toContain('수립 이전');
  });

  it('Russia–North Korea 2024: a treaty with no such label', async () => {
    const en = await ask('/relations country:Russia with:North Korea');
    expect(history(en.embed, 'History')).toContain('19 June 2024: treaty: Treaty on comprehensive');
    expect(en.text).not.toMatch(/before the/);
    const ko = await ask('/relations country:Russia with:North Korea', { locale: 'ko' });
    expect(history(ko.embed, '경과')).toContain('2024년 6월 19일: 조약: 평양에서');
    expect(ko.text).not.toContain('수립 이전');
  });

  it('the 1882 Joseon–US treaty is labelled as before the Republic of Korea was founded', async () => {
    const en = await ask('/relations country:United States');
    expect(history(en.embed, 'History')).toContain(
      '22 May 1882: treaty (before the Republic of Korea was founded): Joseon and the US',
    );
    const ko = await ask('/relations country:United States', { locale: 'ko' });
    expect(history(ko.embed, '경과')).toContain('1882년 5월 22일: 조약 (대한민국 정부 수립 이전): 조선과 미국이');
  });
});

describe('Cuba: a first establishment, said once', () => {
  it('English: established on 14 February 2024, not "restored", and the date once', async () => {
    const { embed } = await ask('/relations country:Cuba');
    const description = embed?.description ?? '';
    expect(description).toContain('**Diplomatic relations were established** on 14 February 2024');
    expect(description).not.toMatch(/restored/i);
    expect(description).not.toMatch(/first established/i);
    expect(description.match(/14 February 2024/g)).toHaveLength(1);
  });

  it('Korean: 수교, not 복원, and the date once', async () => {
    const { embed } = await ask('/relations country:Cuba', { locale: 'ko' });
    const description = embed?.description ?? '';
    expect(description).toContain('2024년 2월 14일');
    expect(description).toContain('외교 관계를 수립했습니다');
    expect(description).not.toContain('복원');
    expect(description).not.toContain('처음 수교한 날');
    expect(description.match(/2024년 2월 14일/g)).toHaveLength(1);
  });

  it('a real restoration still reads as one: United States–Cuba, 2015', async () => {
    const { embed } = await ask('/relations country:Cuba with:United States');
    expect(embed?.description).toContain('restored on 20 July 2015');
    expect(embed?.description).toContain('first established on 27 May 1902');
  });
});

describe('names that take "the"', () => {
  it('English: "the United States\'" list, and "The" at the start of a line', async () => {
    const { embed } = await ask('/relations country:United States with:Angola');
    expect(embed?.description).toContain(
      "The two countries' own lists disagree on when: Angola's gives 19 May 1993, the United States' gives 14 July 1994.",
    );
    expect(embed?.description).not.toContain("United States's");
    const same = await ask('/relations country:United States with:USA');
    expect(same.text).toContain('🇺🇸 The United States is the same country on both sides.');
  });

  it('Korean: the names as they are, with no English article or apostrophe', async () => {
    const { embed } = await ask('/relations country:United States with:Angola', { locale: 'ko' });
    expect(embed?.description).toContain('앙골라 목록은 1993년 5월 19일, 미국 목록은 1994년 7월 14일입니다.');
    expect(embed?.description).not.toMatch(/the |'s/);
  });
});

describe("lists in the reader's alphabetical order", () => {
  const recentLines = (text: string, names: string[]) => names.map((name) => text.indexOf(name));

  it('/country: changes on the same day by name, in English and in Korean', async () => {
    const en = await ask('/country country:United States');
    const [cook, niue] = recentLines(en.text, ['25 September 2023: 🇨🇰 Cook Islands', '25 September 2023: 🇳🇺 Niue']);
    expect(cook).toBeGreaterThan(-1);
    expect(cook).toBeLessThan(niue!);
    const ko = await ask('/country country:United States', { locale: 'ko' });
    const [niueKo, cookKo] = recentLines(ko.text, ['2023년 9월 25일: 🇳🇺 니우에', '2023년 9월 25일: 🇨🇰 쿡제도']);
    expect(niueKo).toBeGreaterThan(-1);
    expect(niueKo).toBeLessThan(cookKo!);
  });

  it("autocomplete: names that score the same come in the reader's order", async () => {
    const choices = async (locale?: 'ko') =>
      (await world.discord.autocomplete('/relations country:korea', 'country', locale ? { locale } : {})).map(
        (choice) => choice.value,
      );
    expect((await choices()).slice(0, 2)).toEqual(['KP', 'KR']);
    expect((await choices('ko')).slice(0, 2)).toEqual(['KR', 'KP']);
  });
});

describe('notes apart from disagreements, and no internal coding notes', () => {
  const fieldNames = (embed: { fields?: { name: string }[] } | undefined) =>
    embed?.fields?.map((field) => field.name) ?? [];

  it('North Korea: a note, not a disagreement, in both languages', async () => {
    const en = await ask('/relations country:North Korea');
    expect(fieldNames(en.embed)).toContain('Note');
    expect(fieldNames(en.embed)).not.toContain('Where sources disagree');
    expect(history(en.embed, 'Note')).toContain('Neither Korea treats the other as a foreign country');
    const ko = await ask('/relations country:North Korea', { locale: 'ko' });
    expect(fieldNames(ko.embed)).toContain('참고');
    expect(fieldNames(ko.embed)).not.toContain('출처 간 차이');
  });

  it('United States–North Korea: consular matters are a note', async () => {
    const { embed } = await ask('/relations country:United States with:North Korea');
    expect(history(embed, 'Note')).toContain('Sweden looks after consular matters');
    expect(fieldNames(embed)).not.toContain('Where sources disagree');
  });

  it('a real disagreement keeps its heading: Cuba, where AFP framed the ties as revived', async () => {
    const { embed } = await ask('/relations country:Cuba');
    expect(history(embed, 'Where sources disagree')).toContain('AFP framed it as ties revived after 65 years');
  });

  it('never says "coded" or "not checked"', async () => {
    const lines = [
      '/relations country:North Korea with:Canada',
      '/relations country:North Korea with:Portugal',
      '/relations country:North Korea with:Western Sahara',
      '/relations country:Belize with:Israel',
      '/relations country:Georgia with:Syria',
      '/relations country:Mexico with:Ecuador',
      '/relations country:Venezuela with:Chile',
      '/relations country:Namibia',
    ];
    for (const line of lines) {
      for (const locale of [undefined, 'ko'] as const) {
        const { text } = await ask(line, locale ? { locale } : {});
        expect(text, line).not.toMatch(/coded|not (been )?checked|this row/i);
        expect(text, line).not.toMatch(/표기|확인하지 않음|이 행/);
      }
    }
  });
});

describe('empty input', () => {
  it('says what to type instead of quoting nothing, in both languages', async () => {
    const en = await ask('/relations country:');
    expect(en.result.ephemeral).toBe(true);
    expect(en.text).not.toContain('""');
    expect(en.text).toMatch(/left the country empty/);
    expect(en.text).toMatch(/a code such as JP/);
    const ko = await ask('/country country:', { locale: 'ko' });
    expect(ko.result.ephemeral).toBe(true);
    expect(ko.text).not.toContain('""');
    expect(ko.text).toContain('나라 이름이 비어 있습니다');
  });
});

describe('footers', () => {
  it('/relations names its sources above the footer that points at them', async () => {
    for (const locale of [undefined, 'ko'] as const) {
      const { embed } = await ask('/relations country:Syria', locale ? { locale } : {});
      const footer = embed?.footer?.text ?? '';
      expect(footer).not.toMatch(/Facts only from the sources named above/);
      expect(footer).not.toContain('위에 적은 출처의 사실만');
      expect(embed?.fields?.some((field) => field.name === (locale ? '출처' : 'Sources'))).toBe(true);
    }
  });

  it('/country does not point at sources it does not show, and says where they are', async () => {
    const en = await ask('/country country:Japan');
    expect(en.text).not.toMatch(/sources (named|listed) above/);
    expect(en.embed?.footer?.text).toContain("/relations shows a pair's sources.");
    const ko = await ask('/country country:Japan', { locale: 'ko' });
    expect(ko.text).not.toContain('위 출처');
    expect(ko.embed?.footer?.text).toContain('쌍별 출처는 관계 명령(/관계)에서 볼 수 있습니다.');
  });

  it('Korean: no particle glued to a command name', async () => {
    const { text } = await ask('/news', { locale: 'ko' });
    expect(text).toContain('`/관계` 명령으로');
    expect(text).not.toMatch(/\/관계로/);
  });
});

describe('usable anywhere', () => {
  const byName = (name: string) => world.discord.registeredCommands().find((command) => command.name === name);

  it('/relations, /country, /news and /help: guild and user installs, in servers, bot DMs and private channels', () => {
    for (const name of ['relations', 'country', 'news', 'help']) {
      expect(byName(name)?.integration_types, name).toEqual([0, 1]);
      expect(byName(name)?.contexts, name).toEqual([0, 1, 2]);
    }
  });

  it('/daily and /quiz stay server-only, guild install only', () => {
    for (const name of ['daily', 'quiz']) {
      expect(byName(name)?.integration_types, name).toEqual([0]);
      expect(byName(name)?.contexts, name).toEqual([0]);
    }
  });

  it('answers /relations, /country, /news and /help in a DM with the bot, in both languages', async () => {
    const relations = await ask('/relations country:Japan', { dm: true });
    expect(relations.embed?.title).toContain('Japan');
    const country = await ask('/country country:Japan', { dm: true, locale: 'ko' });
    expect(country.embed?.title).toContain('일본');
    const news = await ask('/news', { dm: true });
    expect(news.embed?.title).toBeTruthy();
    const help = await ask('/help', { dm: true, locale: 'ko' });
    expect(help.text).toContain('/관계');
  });

  it('does not offer /daily or /quiz in a DM', async () => {
    await expect(world.discord.slash('/daily status', { dm: true })).rejects.toThrow(/known commands/);
    await expect(world.discord.slash('/quiz leaderboard', { dm: true })).rejects.toThrow(/known commands/);
  });
});
