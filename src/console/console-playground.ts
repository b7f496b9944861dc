/** The local playground: reads commands from a stream line by line and runs the same handlers as Discord, as text. */
import { createInterface } from 'node:readline';
import { cardToText } from '../commands/cards/card-text.ts';
import type { Command, CommandContext, CommandOptions, ComponentContext, Markup, Member, ModalSpec, ModalSubmitContext, Reply } from '../commands/command-kit.ts';
import { createDispatcher } from '../commands/dispatch.ts';
import type { CommandServices } from '../commands/services.ts';
import { consoleText } from './console-messages.ts';
import { parseLine, type ConsoleValue } from './console-parse.ts';

/** Where the playground reads and writes. */
export interface PlaygroundOptions {
  input: NodeJS.ReadableStream;
  write(text: string): void;
  commands: readonly Command[];
  services: CommandServices;
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

/** Plain-text markup: a terminal shows no channel links or Discord timestamps. */
export const consoleMarkup: Markup = {
  channel: (id) => `#${id}`,
  time: (at) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  bold: (text) => text,
};

/** Renders a reply as text; select options are numbered after the buttons. */
export function replyToText(reply: Reply): string {
  const parts: string[] = [];
  if (reply.ephemeral) parts.push(`${consoleText.onlyYou}\n`);
  if (reply.text) parts.push(`${reply.text}\n`);
  if (reply.card) parts.push(cardToText(reply.card));
  if (reply.select) {
    const offset = reply.card?.actions?.length ?? 0;
    parts.push(`${reply.select.placeholder}:\n${reply.select.options.map((o, i) => `[${offset + i + 1}] ${o.label}`).join('\n')}\n`);
  }
  for (const file of reply.files ?? []) parts.push(`${consoleText.file(file.name)}\n${file.content.replace(/\r\n/g, '\n')}`);
  return parts.join('');
}

/** A parsed line's options as a handler reads them (typed values, `#channel` or `<#id>` as a channel id). */
export function consoleOptions(subcommand: string | null, values: ReadonlyMap<string, ConsoleValue>): CommandOptions {
  const numeric = (name: string) => (typeof values.get(name) === 'number' ? (values.get(name) as number) : null);
  return {
    subcommand: () => subcommand,
    string: (name) => (values.has(name) ? String(values.get(name)) : null),
    integer: numeric,
    number: numeric,
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
  const base = { guildId: null, channelId: null, canManageGuild: true, member, markup: consoleMarkup };

  if (options.banner) write(`${consoleText.banner}\n\n`);
  const lines = createInterface({ input: options.input, terminal: false, crlfDelay: Infinity })[Symbol.asyncIterator]();
  /** The next typed line, or undefined at the end of input. */
  const nextLine = async (): Promise<string | undefined> => {
    const next = await lines.next();
    return next.done ? undefined : next.value;
  };

  /** Asks for a form's fields one line each (Enter keeps the suggestion), then submits it; false when input ended first. */
  const fillForm = async (modal: ModalSpec): Promise<boolean> => {
    write(`${modal.title}\n${consoleText.formHint}\n`);
    const fields: Record<string, string> = {};
    for (const [i, field] of modal.fields.entries()) {
      write(`${consoleText.formField(i + 1, field.label, field.value ?? '')}\n`);
      const typed = await nextLine();
      if (typed === undefined) {
        write(`${consoleText.formCancelled}\n\n`);
        return false;
      }
      fields[field.id] = typed.trim() === '' ? (field.value ?? '') : typed.trim();
    }
    write('\n');
    let answered = false;
    const ctx: ModalSubmitContext = {
      ...base,
      id: nextId(),
      customId: modal.id,
      fields,
      get answered() {
        return answered;
      },
      reply: async (reply) => {
        answered = true;
        show(reply);
      },
      followUp: async (reply) => show(reply),
    };
    await dispatch.modal(ctx);
    return true;
  };

  for (let line = await nextLine(); line !== undefined; line = await nextLine()) {
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
      write(`${consoleText.noChoices}\n\n`);
      continue;
    }
    const total = current.buttons.length + (current.select?.values.length ?? 0);
    if (parsed.n < 1 || parsed.n > total) {
      write(`${consoleText.badChoice(total)}\n\n`);
      continue;
    }
    const isButton = parsed.n <= current.buttons.length;
    let answered = false;
    let form: ModalSpec | undefined;
    const ctx: ComponentContext = {
      ...base,
      id: nextId(),
      customId: isButton ? (current.buttons[parsed.n - 1] ?? '') : (current.select?.id ?? ''),
      values: isButton ? [] : [current.select?.values[parsed.n - 1 - current.buttons.length] ?? ''],
      get answered() {
        return answered;
      },
      // As in Discord, the form opens once the press is answered; it is filled from the next lines of input.
      showModal: async (modal) => {
        answered = true;
        form = modal;
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
    if (form && !(await fillForm(form))) break;
  }
}
