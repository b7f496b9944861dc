/** Forms (modals) and files through the command layer: routing, the Discord modal JSON, and the console's prompts and parsing. */
import { Readable, Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, test } from 'vitest';
import type { Command, ModalSpec } from '../../src/commands/command-kit.ts';
import { createDispatcher } from '../../src/commands/dispatch.ts';
import type { CommandServices } from '../../src/commands/services.ts';
import { parseLine } from '../../src/console/console-parse.ts';
import { runPlayground } from '../../src/console/console-playground.ts';
import { MODAL_LIMITS, modalJson } from '../../src/discord/render/modal-json.ts';
import { modalSubmitContext, type Sent } from '../fakes/fake-contexts.ts';

const services = { log: pino({ level: 'silent' }, new Writable({ write: (_c, _e, done) => done() })) } as unknown as CommandServices;

const form = (fields: number): ModalSpec => ({
  id: 'diary:saved:m1',
  title: 'A diary entry with a title far longer than Discord allows',
  fields: Array.from({ length: fields }, (_, i) => ({ id: `f${i}`, label: `Field ${i} with a label much longer than forty-five characters`, value: i === 0 ? 'x'.repeat(5000) : `v${i}`, placeholder: 'p' })),
});

/** A command with a form behind a button, a file reply, free text and a default subcommand, as the log commands have. */
const diary: Command = {
  data: {
    name: 'diary',
    description: 'test',
    defaultSubcommand: 'write',
    subcommands: [
      {
        name: 'write',
        description: 'w',
        options: [
          { name: 'title', description: 't', type: 'string' },
          { name: 'mood', description: 'm', type: 'string', choices: [{ name: 'good', value: 'good' }] },
          { name: 'hours', description: 'h', type: 'number' },
        ],
      },
      { name: 'export', description: 'e' },
    ],
  },
  async execute(ctx) {
    if (ctx.options.subcommand() === 'export') return ctx.reply({ text: 'here', files: [{ name: 'diary.csv', content: 'a,b\r\n1,2\r\n' }] });
    await ctx.reply({ text: `title=${ctx.options.string('title')}`, card: { title: 'Diary', fields: [], actions: [{ id: 'diary:open:m1', label: 'Write more' }] } });
  },
  components: {
    async open(ctx) {
      await ctx.showModal({ id: 'diary:saved:m1', title: 'Entry', fields: [{ id: 'a', label: 'First', value: 'keep me' }, { id: 'b', label: 'Second' }] });
    },
  },
  modals: {
    async saved(ctx, _services, state) {
      await ctx.reply({ text: `saved for ${state}: ${JSON.stringify(ctx.fields)}`, ephemeral: true });
    },
  },
};

describe('forms', () => {
  test('GIVEN a submitted form THEN the dispatcher routes it by id to the command\'s form handler with the state', async () => {
    const sent: Sent[] = [];
    await createDispatcher([diary], services).modal(modalSubmitContext({ customId: 'diary:saved:m1', fields: { a: '1' } }, sent));
    expect(sent[0]?.reply?.text).toBe('saved for m1: {"a":"1"}');
  });

  test('GIVEN a form with no handler THEN the member is told it is no longer active, ephemerally', async () => {
    const sent: Sent[] = [];
    await createDispatcher([diary], services).modal(modalSubmitContext({ customId: 'diary:gone', fields: {} }, sent));
    expect(sent[0]?.reply).toEqual({ text: expect.stringMatching(/no longer active/), ephemeral: true });
  });

  test('GIVEN a form over Discord\'s limits THEN the modal keeps five inputs and clips title, labels and values', () => {
    const json = modalJson(form(7));
    expect(json.title.length).toBeLessThanOrEqual(MODAL_LIMITS.title);
    expect(json.components).toHaveLength(MODAL_LIMITS.fields);
    const inputs = json.components.map((row) => (row as { components: { custom_id: string; label: string; value?: string }[] }).components[0]!);
    expect(inputs.map((i) => i.custom_id)).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
    for (const input of inputs) expect(input.label.length).toBeLessThanOrEqual(MODAL_LIMITS.label);
    expect(inputs[0]!.value!.length).toBe(MODAL_LIMITS.value);
    expect(() => modalJson({ ...form(1), id: `diary:${'x'.repeat(100)}` })).toThrow(/too long/);
  });
});

describe('the console', () => {
  const parse = (line: string) => parseLine(line, [diary]);

  test.each([
    ['/diary', { sub: 'write' }],
    ['/diary title:leg day at the gym hours:1.5', { sub: 'write', title: 'leg day at the gym', hours: 1.5 }],
    ['/diary title:rest: none today mood:good', { sub: 'write', title: 'rest: none today', mood: 'good' }],
    ['/diary write leg day', { sub: 'write', title: 'leg day' }],
    ['/diary export', { sub: 'export' }],
  ])('GIVEN %s THEN free text runs on over spaces and the default subcommand fills in', (line, expected) => {
    const parsed = parse(line);
    if (parsed.kind !== 'command') throw new Error(JSON.stringify(parsed));
    expect({ sub: parsed.subcommand, ...Object.fromEntries(parsed.options) }).toEqual(expected);
  });

  test('GIVEN a number option that is not a number THEN the error says a number, not a whole number', () => {
    expect(parse('/diary hours:lots')).toEqual({ kind: 'error', message: 'Option hours: must be a number.' });
  });

  const play = async (input: string) => {
    let out = '';
    await runPlayground({ input: Readable.from([input]), write: (text) => (out += text), commands: [diary], services });
    return out;
  };

  test('GIVEN a button that opens a form THEN each field is asked on its own line; Enter keeps the suggestion', async () => {
    const out = await play('/diary title:x\n1\n\ntyped\n');
    expect(out).toContain('Entry\n');
    expect(out).toContain('1. First [keep me]\n2. Second []\n');
    expect(out).toContain('saved for m1: {"a":"keep me","b":"typed"}');
  });

  test('GIVEN the input ends inside a form THEN nothing is submitted', async () => {
    const out = await play('/diary\n1\nonly one\n');
    expect(out).toContain('nothing was sent');
    expect(out).not.toContain('saved for');
  });

  test('GIVEN a reply with a file THEN the console prints the file after its name', async () => {
    expect(await play('/diary export\n')).toContain('here\n--- diary.csv ---\na,b\n1,2\n');
  });
});
