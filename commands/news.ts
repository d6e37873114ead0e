// /news [item]: the latest news summary, or an older one picked by headline.
import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/bot/command.js';
import { respond } from '../src/bot/respond.js';
import { languageOf } from '../src/render/i18n.js';
import { newsReply } from '../src/render/news.js';
import { newsStrings } from '../src/render/news-strings.js';
import { clip, limits, quoteUserText } from '../src/render/reply.js';

const data = {
  name: 'news',
  name_localizations: { ko: '뉴스' },
  description: 'The latest news about diplomatic relations, summarised with sources',
  description_localizations: { ko: '외교 관계 최신 뉴스를 출처와 함께 요약합니다' },
  contexts: [0, 1],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'item',
      name_localizations: { ko: '항목' },
      description: 'An older item: start typing a headline, a country or a year',
      description_localizations: { ko: '지난 뉴스: 제목, 나라 이름 또는 연도를 입력하세요' },
      autocomplete: true,
      max_length: 100,
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  async execute(interaction, ctx) {
    const language = languageOf(interaction.locale);
    const typed = interaction.options.getString('item');
    const item = typed === null ? ctx.news.latest : (ctx.news.item(typed) ?? ctx.news.searchHeadlines(typed, 1)[0]);
    if (typed !== null && !item) {
      await respond(interaction, { ephemeral: true, content: newsStrings[language].unknownItem(quoteUserText(typed)) });
      return;
    }
    await respond(interaction, newsReply(item, item ? ctx.news.keyFacts(item) : [], language, ctx.now()));
  },
  async autocomplete(interaction, ctx) {
    const language = languageOf(interaction.locale);
    const items = ctx.news.searchHeadlines(String(interaction.options.getFocused()), 25);
    await interaction.respond(
      items.map((item) => ({
        name: clip(`${item.date.iso} · ${item.headline[language]}`, limits.choiceName),
        value: item.id,
      })),
    );
  },
} satisfies Command;
