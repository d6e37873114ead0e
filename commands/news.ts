// /news [item]: the latest news summary, or an older one picked by headline.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { defineCommand } from '../src/bot/command.js';
import { newsReply } from '../src/render/news.js';
import { newsStrings } from '../src/render/news-strings.js';
import { clip, limits, quoteUserText } from '../src/render/reply.js';

export default defineCommand({
  data: {
    name: 'news',
    name_localizations: { ko: '뉴스' },
    description: 'The latest news about diplomatic relations, summarised with sources',
    description_localizations: { ko: '외교 관계 최신 뉴스를 출처와 함께 요약합니다' },
    integration_types: [0, 1],
    contexts: [0, 1, 2],
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
  },
  async execute(interaction, services) {
    const { language } = interaction;
    const typed = interaction.invocation.options.item;
    const { news } = services;
    const item = typed === undefined ? news.latest : (news.item(typed) ?? news.searchHeadlines(typed, 1)[0]);
    if (typed !== undefined && !item) {
      return interaction.reply({ ephemeral: true, content: newsStrings[language].unknownItem(quoteUserText(typed)) });
    }
    await interaction.reply(newsReply(item, item ? news.keyFacts(item) : [], language, services.now()));
  },
  async autocomplete(interaction, services) {
    const items = services.news.searchHeadlines(interaction.focused.value, 25);
    await interaction.choices(
      items.map((item) => ({
        name: clip(`${item.date.iso} · ${item.headline[interaction.language]}`, limits.choiceName),
        value: item.id,
      })),
    );
  },
});
