// /country country: a country's diplomatic profile computed from the data.
import { defineCommand } from '../src/bot/command.js';
import { answerCountryAutocomplete, countryFromText, countryOptionData } from '../src/bot/country-option.js';
import { countryProfile } from '../src/facts/profile.js';
import { profileReply } from '../src/render/profile.js';

export default defineCommand({
  data: {
    name: 'country',
    name_localizations: { ko: '나라' },
    description: 'A country’s diplomatic profile: partners, exceptions and recent changes',
    description_localizations: { ko: '나라별 외교 관계 요약: 수교국, 예외, 최근 변화' },
    integration_types: [0, 1],
    contexts: [0, 1, 2],
    options: [
      countryOptionData(
        'country',
        {
          ko: '나라',
          description: 'A country: name, code (KR, KOR) or common alias',
          descriptionKo: '나라 이름, 코드(KR, KOR) 또는 흔히 쓰는 다른 이름',
        },
        true,
      ),
    ],
  },
  async execute(interaction, services) {
    const found = countryFromText(services, interaction.invocation.options.country, interaction.language);
    if ('reply' in found) return interaction.reply(found.reply);
    const reply = profileReply(countryProfile(services.facts, found.country), interaction.language);
    await interaction.reply(found.note ? { ...reply, content: found.note } : reply);
  },
  autocomplete: answerCountryAutocomplete,
});
