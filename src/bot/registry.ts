// Loads every file in commands/, checks its shape, and finds the handler for an interaction.
import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { codeRoot } from '../paths.js';
import type { Command } from './command.js';

/** The running code's commands/: the project's (tsx), dist/commands (tsc) or dist/bundle/commands (the bundle). */
export const commandsDir = join(codeRoot, 'commands');

const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', 'must be a function');
const koText = z.object({ ko: z.string().min(1) }).loose();
const localized = {
  name: z.string().regex(/^[-_\p{Ll}\p{N}]{1,32}$/u, 'must be 1-32 lower-case letters, digits, - or _'),
  description: z.string().min(1).max(100),
  name_localizations: koText,
  description_localizations: koText,
};
const optionSchema: z.ZodType = z.lazy(() =>
  z.object({ ...localized, type: z.number().int(), options: z.array(optionSchema).max(25).optional() }).loose(),
);
const commandSchema = z.object({
  data: z.object({ ...localized, options: z.array(optionSchema).max(25).optional() }).loose(),
  requires: z.object({ guild: z.boolean().optional(), manageServer: z.boolean().optional() }).optional(),
  execute: fn,
  autocomplete: fn.optional(),
  component: fn.optional(),
});

export class CommandRegistry {
  private readonly byName = new Map<string, Command>();

  constructor(commands: readonly Command[]) {
    for (const command of commands) this.byName.set(command.data.name, command);
  }

  get(name: string): Command | undefined {
    return this.byName.get(name);
  }

  get all(): Command[] {
    return [...this.byName.values()];
  }

  get definitions() {
    return this.all.map((command) => command.data);
  }
}

function isCommandFile(file: string): boolean {
  return (file.endsWith('.js') || file.endsWith('.ts')) && !file.endsWith('.d.ts');
}

/** Imports and validates each command module; a bad one stops start-up with its file named. */
export async function loadCommands(dir = commandsDir): Promise<CommandRegistry> {
  const commands: Command[] = [];
  const files = readdirSync(dir).filter(isCommandFile).sort();
  // Imported side by side (the loader reads and compiles them as they come), checked in name order.
  const modules: unknown[] = await Promise.all(files.map((file) => import(pathToFileURL(join(dir, file)).href)));
  for (const [index, file] of files.entries()) {
    const module = modules[index];
    const parsed = z.object({ default: commandSchema }).safeParse(module);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      throw new Error(`commands/${file} is not a valid command: ${problems}`);
    }
    const command = (module as { default: Command }).default;
    const expected = basename(file, extname(file));
    if (command.data.name !== expected) {
      throw new Error(`commands/${file} defines /${command.data.name}; the file must be named after its command`);
    }
    commands.push(command);
  }
  return new CommandRegistry(commands);
}
