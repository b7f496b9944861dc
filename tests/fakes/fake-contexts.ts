/** Hand-made command-layer contexts that record what a handler sends, for unit tests of commands and the dispatcher. */
import type { CommandContext, ComponentContext, Markup, MentionContext, ModalSpec, ModalSubmitContext, Reply } from '../../src/commands/command-kit.ts';

/** Markup that keeps what a handler asked for visible in assertions. */
export const testMarkup: Markup = { channel: (id) => `#${id}`, time: (at) => at.toISOString(), bold: (text) => `*${text}*` };

/** One thing a handler did to an interaction. */
export interface Sent {
  kind: 'reply' | 'defer' | 'edit' | 'followUp' | 'update' | 'modal';
  reply?: Reply;
  /** The form shown, for kind 'modal'. */
  modal?: ModalSpec;
}

/** A slash command context; `sent` records every call in order. */
export function commandContext(
  input: { name: string; strings?: Record<string, string>; numbers?: Record<string, number>; memberId?: string; deferred?: boolean; id?: string },
  sent: Sent[],
): CommandContext {
  let answered = input.deferred ?? false;
  const strings = input.strings ?? {};
  const numbers = input.numbers ?? {};
  const number = (name: string) => (Object.hasOwn(numbers, name) ? (numbers[name] ?? null) : null);
  return {
    id: input.id ?? '1',
    member: { id: input.memberId ?? 'm1', name: 'm1' },
    guildId: 'g',
    channelId: 'c',
    canManageGuild: false,
    markup: testMarkup,
    commandName: input.name,
    options: {
      subcommand: () => null,
      string: (name) => (Object.hasOwn(strings, name) ? (strings[name] ?? null) : null),
      integer: number,
      number,
      boolean: () => null,
      channel: () => null,
    },
    get answered() {
      return answered;
    },
    reply: async (reply) => {
      answered = true;
      sent.push({ kind: 'reply', reply });
    },
    defer: async () => {
      answered = true;
      sent.push({ kind: 'defer' });
    },
    edit: async (reply) => void sent.push({ kind: 'edit', reply }),
    followUp: async (reply) => void sent.push({ kind: 'followUp', reply }),
  };
}

/** A button or select context; `sent` records every call in order. */
export function componentContext(input: { customId: string; values?: string[]; memberId?: string }, sent: Sent[]): ComponentContext {
  let answered = false;
  return {
    id: 'i',
    member: { id: input.memberId ?? 'm1', name: 'm1' },
    guildId: null,
    channelId: null,
    canManageGuild: false,
    markup: testMarkup,
    customId: input.customId,
    values: input.values ?? [],
    get answered() {
      return answered;
    },
    showModal: async (modal) => {
      answered = true;
      sent.push({ kind: 'modal', modal });
    },
    update: async (reply) => {
      answered = true;
      sent.push({ kind: 'update', reply });
    },
    reply: async (reply) => {
      answered = true;
      sent.push({ kind: 'reply', reply });
    },
    followUp: async (reply) => void sent.push({ kind: 'followUp', reply }),
  };
}

/** A submitted form; `sent` records every call in order. */
export function modalSubmitContext(input: { customId: string; fields: Record<string, string>; memberId?: string }, sent: Sent[]): ModalSubmitContext {
  let answered = false;
  return {
    id: 'f',
    member: { id: input.memberId ?? 'm1', name: 'm1' },
    guildId: 'g',
    channelId: 'c',
    canManageGuild: false,
    markup: testMarkup,
    customId: input.customId,
    fields: input.fields,
    get answered() {
      return answered;
    },
    reply: async (reply) => {
      answered = true;
      sent.push({ kind: 'reply', reply });
    },
    followUp: async (reply) => void sent.push({ kind: 'followUp', reply }),
  };
}

/** A message mentioning the bot; `sent` records the replies. */
export function mentionContext(text: string, sent: Sent[]): MentionContext {
  return { id: '2', member: { id: 'm1', name: 'm1' }, guildId: 'g', channelId: 'c', text, markup: testMarkup, typing: async () => undefined, reply: async (reply) => void sent.push({ kind: 'reply', reply }) };
}
