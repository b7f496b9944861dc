/** The local playground: reads commands from a stream line by line and runs the same handlers as Discord, as text. */
import { createInterface } from 'node:readline';
import { cardToText } from '../app/card.ts';
import type { Command, CommandContext, CommandOptions, ComponentContext, Member, Reply } from '../discord/command-kit.ts';
import { createDispatcher } from '../discord/dispatch.ts';
import { consoleText as t } from '../discord/messages.ts';
import type { BotServices } from '../discord/services.ts';
import { parseLine, type ConsoleValue } from './console-parse.ts';

/** Where the playground reads and writes. */
export interface PlaygroundOptions {
  input: NodeJS.ReadableStream;
  write(text: string): void;
  commands: readonly Command[];
  services: BotServices;
  /** The member the console acts as. @default { id: 'console', name: 'you' } */
  member?: Member;
  /** Print the banner first (interactive use). @default false */
  banner?: boolean;
}

/** The components of the latest reply that had any: what a typed number presses. */
interface Choices {
  buttons: string[];
  select?: { id: string; values: string[] };
}

/** Renders a reply as text; select options are numbered after the buttons. */
export function replyToText(reply: Reply): string {
  const parts: string[] = [];
  if (reply.ephemeral) parts.push(`${t.onlyYou}\n`);
  if (reply.text) parts.push(`${reply.text}\n`);
  // Discord renders **bold**; a terminal would show the asterisks.
  if (reply.card) parts.push(cardToText(reply.card).replace(/\*\*(.+?)\*\*/g, '$1'));
  if (reply.select) {
    const offset = reply.card?.actions?.length ?? 0;
    parts.push(`${reply.select.placeholder}:\n${reply.select.options.map((o, i) => `[${offset + i + 1}] ${o.label}`).join('\n')}\n`);
  }
  return parts.join('');
}

/** A parsed line's options as a handler reads them (typed values, `#channel` or `<#id>` as a channel id). */
export function consoleOptions(subcommand: string | null, values: ReadonlyMap<string, ConsoleValue>): CommandOptions {
  return {
    subcommand: () => subcommand,
    string: (name) => (values.has(name) ? String(values.get(name)) : null),
    integer: (name) => (typeof values.get(name) === 'number' ? (values.get(name) as number) : null),
    boolean: (name) => (typeof values.get(name) === 'boolean' ? (values.get(name) as boolean) : null),
    channel: (name) => (values.has(name) ? { id: String(values.get(name)).replace(/^<#|>$|^#/g, '') } : null),
  };
}

/** Runs until the input ends; each line is handled completely before the next is read. */
export async function runPlayground(options: PlaygroundOptions): Promise<void> {
  const { write, services } = options;
  const member = options.member ?? { id: 'console', name: 'you' };
  const dispatch = createDispatcher(options.commands, services);
  const state: { choices: Choices | null } = { choices: null };
  let counter = 0;
  const nextId = () => `${Date.now()}${String(++counter).padStart(4, '0')}`;

  const show = (reply: Reply) => {
    write(`${replyToText(reply)}\n`);
    const buttons = reply.card?.actions?.map((a) => a.id) ?? [];
    if (buttons.length || reply.select) {
      state.choices = { buttons, ...(reply.select ? { select: { id: reply.select.id, values: reply.select.options.map((o) => o.value) } } : {}) };
    }
  };
  const base = { guildId: null, channelId: null, canManageGuild: true, member };

  if (options.banner) write(`${t.banner}\n\n`);
  const lines = createInterface({ input: options.input, terminal: false, crlfDelay: Infinity });
  for await (const line of lines) {
    const parsed = parseLine(line, options.commands);
    if (parsed.kind === 'empty') continue;
    if (parsed.kind === 'error') {
      write(`${parsed.message}\n\n`);
      continue;
    }
    if (parsed.kind === 'command') {
      let answered = false;
      const ctx: CommandContext = {
        ...base,
        id: nextId(),
        commandName: parsed.name,
        options: consoleOptions(parsed.subcommand, parsed.options),
        get answered() {
          return answered;
        },
        reply: async (reply) => {
          answered = true;
          show(reply);
        },
        defer: async () => {
          answered = true;
        },
        edit: async (reply) => show(reply),
        followUp: async (reply) => show(reply),
      };
      await dispatch.command(ctx);
      continue;
    }
    const current = state.choices;
    if (!current) {
      write(`${t.noChoices}\n\n`);
      continue;
    }
    const total = current.buttons.length + (current.select?.values.length ?? 0);
    if (parsed.n < 1 || parsed.n > total) {
      write(`${t.badChoice(total)}\n\n`);
      continue;
    }
    const isButton = parsed.n <= current.buttons.length;
    let answered = false;
    const ctx: ComponentContext = {
      ...base,
      id: nextId(),
      customId: isButton ? (current.buttons[parsed.n - 1] ?? '') : (current.select?.id ?? ''),
      values: isButton ? [] : [current.select?.values[parsed.n - 1 - current.buttons.length] ?? ''],
      get answered() {
        return answered;
      },
      update: async (reply) => {
        answered = true;
        show(reply);
      },
      reply: async (reply) => {
        answered = true;
        show(reply);
      },
      followUp: async (reply) => show(reply),
    };
    await dispatch.component(ctx);
  }
}
