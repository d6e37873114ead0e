/** Registered application commands (global and per guild), as Discord stores them. */
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommand,
} from 'discord-api-types/v10';
import type { SnowflakeGenerator } from './snowflake.js';

/** A body Discord would reject with 50035 Invalid Form Body. */
export class InvalidFormBody extends Error {
  constructor(
    message: string,
    readonly errors: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

export class CommandStore {
  private global: APIApplicationCommand[] = [];
  private readonly perGuild = new Map<string, APIApplicationCommand[]>();

  constructor(
    private readonly applicationId: string,
    private readonly ids: SnowflakeGenerator,
  ) {}

  list(guildId?: string): APIApplicationCommand[] {
    return guildId === undefined ? this.global : (this.perGuild.get(guildId) ?? []);
  }

  /** What a member of guildId can use: guild commands shadow global ones of the same name. */
  visible(guildId?: string): APIApplicationCommand[] {
    const local = guildId === undefined ? [] : this.list(guildId);
    return [...local, ...this.global.filter((g) => !local.some((l) => l.name === g.name && l.type === g.type))];
  }

  /** PUT: replaces the whole set. Commands keep their id when name and type are unchanged. */
  replace(bodies: unknown, guildId?: string): APIApplicationCommand[] {
    if (!Array.isArray(bodies))
      throw new InvalidFormBody('Invalid Form Body', {
        _errors: [{ code: 'ARRAY_TYPE_CONVERT', message: 'Must be an array.' }],
      });
    const previous = this.list(guildId);
    const seen = new Set<string>();
    const next = bodies.map((body, i) => {
      const cmd = this.normalize(body, guildId, `${i}`);
      const key = `${cmd.type}:${cmd.name}`;
      if (seen.has(key))
        throw new InvalidFormBody(`Application command names must be unique (${cmd.name})`, {
          [i]: {
            name: {
              _errors: [
                { code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: `Application command names must be unique` },
              ],
            },
          },
        });
      seen.add(key);
      const old = previous.find((p) => p.name === cmd.name && p.type === cmd.type);
      return old ? { ...cmd, id: old.id } : cmd;
    });
    this.store(next, guildId);
    return next;
  }

  /** POST: creates or overwrites the command of that name. */
  upsert(body: unknown, guildId?: string): { command: APIApplicationCommand; created: boolean } {
    const cmd = this.normalize(body, guildId, '');
    const list = [...this.list(guildId)];
    const i = list.findIndex((p) => p.name === cmd.name && p.type === cmd.type);
    if (i >= 0) {
      const updated = { ...cmd, id: list[i]!.id };
      list[i] = updated;
      this.store(list, guildId);
      return { command: updated, created: false };
    }
    list.push(cmd);
    this.store(list, guildId);
    return { command: cmd, created: true };
  }

  get(id: string, guildId?: string): APIApplicationCommand | undefined {
    return this.list(guildId).find((c) => c.id === id);
  }

  edit(id: string, patch: unknown, guildId?: string): APIApplicationCommand | undefined {
    const list = [...this.list(guildId)];
    const i = list.findIndex((c) => c.id === id);
    if (i < 0) return undefined;
    const merged = this.normalize({ ...list[i], ...(isObject(patch) ? patch : {}) }, guildId, '');
    const updated = { ...merged, id };
    list[i] = updated;
    this.store(list, guildId);
    return updated;
  }

  delete(id: string, guildId?: string): boolean {
    const list = this.list(guildId);
    const next = list.filter((c) => c.id !== id);
    this.store(next, guildId);
    return next.length !== list.length;
  }

  private store(list: APIApplicationCommand[], guildId?: string): void {
    if (guildId === undefined) this.global = list;
    else this.perGuild.set(guildId, list);
  }

  private normalize(body: unknown, guildId: string | undefined, at: string): APIApplicationCommand {
    if (!isObject(body))
      throw new InvalidFormBody('Invalid Form Body', {
        [at || '_root']: {
          _errors: [{ code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' }],
        },
      });
    const type = typeof body.type === 'number' ? body.type : ApplicationCommandType.ChatInput;
    const name = body.name;
    if (
      typeof name !== 'string' ||
      !NAME.test(name) ||
      (type === ApplicationCommandType.ChatInput && name !== name.toLowerCase())
    ) {
      throw new InvalidFormBody(`Invalid command name ${JSON.stringify(name)}`, {
        [at]: { name: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' }] } },
      });
    }
    const description = typeof body.description === 'string' ? body.description : '';
    if (type === ApplicationCommandType.ChatInput && (description.length < 1 || description.length > 100)) {
      throw new InvalidFormBody(`Invalid description for /${name}`, {
        [at]: {
          description: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }] },
        },
      });
    }
    const perms = body.default_member_permissions;
    const cmd: APIApplicationCommand = {
      ...(body as Partial<APIApplicationCommand>),
      id: this.ids.next(),
      application_id: this.applicationId,
      version: this.ids.next(),
      type,
      name,
      description,
      default_member_permissions: perms === undefined || perms === null ? null : String(perms),
      dm_permission: body.dm_permission === undefined ? true : Boolean(body.dm_permission),
      nsfw: Boolean(body.nsfw),
      integration_types: Array.isArray(body.integration_types)
        ? (body.integration_types as ApplicationIntegrationType[])
        : [ApplicationIntegrationType.GuildInstall],
      contexts: Array.isArray(body.contexts) ? (body.contexts as InteractionContextType[]) : null,
    };
    if (guildId !== undefined) cmd.guild_id = guildId;
    else delete cmd.guild_id;
    return cmd;
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
