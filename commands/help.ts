// /help: what each command does, one line each.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/bot/command.js';
import { respond } from '../src/bot/respond.js';
import { helpReply } from '../src/render/help.js';
import { languageOf } from '../src/render/i18n.js';

const data = {
  name: 'help',
  name_localizations: { ko: '도움말' },
  description: 'What attache can do, one line per command',
  description_localizations: { ko: 'attache 명령어를 한 줄씩 소개합니다' },
  contexts: [0, 1],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  async execute(interaction, ctx) {
    await respond(interaction, helpReply(ctx.definitions(), languageOf(interaction.locale)));
  },
} satisfies Command;
