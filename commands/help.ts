// /help: what each command does, one line each.
import { defineCommand } from '../src/bot/command.js';
import { helpReply } from '../src/render/help.js';

export default defineCommand({
  data: {
    name: 'help',
    name_localizations: { ko: '도움말' },
    description: 'What attache can do, one line per command',
    description_localizations: { ko: 'attache 명령어를 한 줄씩 소개합니다' },
    integration_types: [0, 1],
    contexts: [0, 1, 2],
  },
  async execute(interaction, services) {
    await interaction.reply(helpReply(services.definitions(), interaction.language));
  },
});
