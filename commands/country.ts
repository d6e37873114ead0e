// /country country: a country's diplomatic profile computed from the data.
import { defineCommand } from '../src/bot/command.js';
import { aCountry, answerCountryAutocomplete, countryFromText, countryOptionData } from '../src/bot/country-option.js';
import { replyWithMap, worldMapOf } from '../src/bot/map-reply.js';
import { countryProfile, type CountryProfile } from '../src/facts/profile.js';
import type { Language } from '../src/render/i18n.js';
import type { Reply } from '../src/render/reply.js';
import {
  countryListId,
  countryListsId,
  countryProfileId,
  isProfileList,
  profileListReply,
  profileListsMenu,
} from '../src/render/explore.js';
import { profileReply } from '../src/render/profile.js';

/** Changes a profile keeps for its list of changes; the profile itself shows the newest few. */
const listedChanges = 50;
const shownChanges = 5;

/** The profile with its menu of lists. */
function profileWithLists(profile: CountryProfile, language: Language): Reply {
  const shown = { ...profile, recentChanges: profile.recentChanges.slice(0, shownChanges) };
  return { ...profileReply(shown, language), components: profileListsMenu(profile, language) };
}

export default defineCommand({
  data: {
    name: 'country',
    name_localizations: { ko: '나라' },
    description: 'A country’s diplomatic profile: partners, exceptions and recent changes',
    description_localizations: { ko: '나라별 외교 관계 요약: 수교국, 예외, 최근 변화' },
    integration_types: [0, 1],
    contexts: [0, 1, 2],
    options: [countryOptionData('country', aCountry, true)],
  },
  async execute(interaction, services) {
    const found = countryFromText(services, interaction.invocation.options.country, interaction.language);
    if ('reply' in found) return interaction.reply(found.reply);
    const profile = countryProfile(services.facts, found.country, listedChanges);
    const reply = {
      ...profileReply(profile, interaction.language),
      components: profileListsMenu(profile, interaction.language),
    };
    const map = worldMapOf(services, found.country, interaction.language);
    await replyWithMap(interaction, found.note ? { ...reply, content: found.note } : reply, map, services.log);
  },
  autocomplete: answerCountryAutocomplete,
  /** A profile button under /relations, the list menu under a profile, and a list's page buttons. */
  async component(interaction, services) {
    const { language, customId } = interaction;
    const code =
      countryProfileId.decode(customId)?.code ??
      countryListsId.decode(customId)?.code ??
      countryListId.decode(customId)?.code;
    const country = code === undefined ? undefined : services.facts.country(code);
    if (!country) return interaction.reply({ ephemeral: true, content: interaction.t.unknownCommand });
    const profile = countryProfile(services.facts, country, listedChanges);
    if (countryProfileId.decode(customId)) {
      return interaction.reply({ ...profileWithLists(profile, language), ephemeral: true });
    }
    const page = countryListId.decode(customId);
    if (page && isProfileList(page.list))
      return interaction.update(profileListReply(profile, page.list, page.page, language));
    const chosen = interaction.values[0];
    if (chosen && isProfileList(chosen)) return interaction.reply(profileListReply(profile, chosen, 1, language));
    return interaction.reply({ ephemeral: true, content: interaction.t.unknownCommand });
  },
});
