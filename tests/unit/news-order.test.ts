// News key facts list the UN members without relations in the reader's alphabetical order, not by code.
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import { countryProfile } from '../../src/facts/profile.js';
import { loadNews } from '../../src/news/items.js';
import { dataDir } from '../../src/paths.js';
import { newsEmbed } from '../../src/render/news.js';

const facts = loadFacts(dataDir);
const news = loadNews(dataDir, facts);

describe('UN coverage in a news item', () => {
  it('names the exceptions by name: 북한 before 시리아 before 이란 in Korean', () => {
    const profile = countryProfile(facts, facts.country('US')!);
    const item = news.items[0]!;
    const keyFacts = (language: 'en' | 'ko') =>
      newsEmbed(item, [{ kind: 'un-coverage', profile }], language, new Date('2026-11-26T12:00:00Z')).fields![0]!.value;
    expect(keyFacts('en')).toContain('🇧🇹 Bhutan, 🇮🇷 Iran, 🇰🇵 North Korea, 🇸🇾 Syria');
    expect(keyFacts('ko')).toContain('🇧🇹 부탄, 🇰🇵 북한, 🇸🇾 시리아, 🇮🇷 이란');
  });
});
