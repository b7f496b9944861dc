/** Turns a typed console line into a slash command with options, using the same command specs Discord registers. */
import { optionsOf, type Command, type OptionSpec } from '../commands/command-kit.ts';
import { consoleText } from './console-messages.ts';

/** An option value as the console hands it to a handler. */
export type ConsoleValue = string | number | boolean;

/** What a line asks for. */
export type ParsedLine =
  | { kind: 'empty' }
  | { kind: 'choice'; n: number }
  | { kind: 'command'; name: string; subcommand: string | null; options: Map<string, ConsoleValue> }
  | { kind: 'error'; message: string };

/** Parses one line: `/name [sub] [positional…] [key:value…]`, or a number to press a shown button. */
export function parseLine(line: string, registry: readonly Command[]): ParsedLine {
  const text = line.trim();
  if (!text) return { kind: 'empty' };
  if (/^\d+$/.test(text)) return { kind: 'choice', n: Number(text) };
  if (!text.startsWith('/')) return { kind: 'error', message: consoleText.notACommand };
  const [head = '', ...restWords] = text.slice(1).split(/\s+/);
  const name = head.toLowerCase();
  const command = registry.find((c) => c.data.name === name);
  if (!command) return { kind: 'error', message: consoleText.unknownCommand(name, registry.map((c) => c.data.name)) };
  let rest = text.slice(1 + head.length).trim();
  let subcommand: string | null = null;
  const subs = command.data.subcommands ?? [];
  if (subs.length > 0) {
    const wanted = (restWords[0] ?? '').toLowerCase();
    const sub = subs.find((s) => s.name === wanted);
    const fallback = subs.find((s) => s.name === command.data.defaultSubcommand);
    if (!sub && !fallback) return { kind: 'error', message: consoleText.subcommandNeeded(name, subs.map((s) => s.name)) };
    subcommand = (sub ?? fallback)?.name ?? null;
    if (sub) rest = rest.slice(restWords[0]?.length ?? 0).trim();
  }
  const scope: readonly OptionSpec[] = optionsOf(command.data, subcommand);
  const options = new Map<string, ConsoleValue>();
  const only = scope.length === 1 ? scope[0] : undefined;
  // Free text (a string option without fixed choices, like an exercise name or a note) runs on over spaces.
  const isFreeText = (option: OptionSpec) => option.type === 'string' && !option.choices;
  // A command with a single text option (like /ask) takes the whole rest of the line, colons and all.
  if (only && only.type === 'string') {
    const value = rest.startsWith(`${only.name}:`) ? rest.slice(only.name.length + 1).trim() : rest;
    if (value) options.set(only.name, value);
  } else {
    const positional: string[] = [];
    // The free-text option being written: following words that name no option belong to it.
    let open: OptionSpec | undefined;
    for (const token of rest.split(/\s+/).filter(Boolean)) {
      const match = /^([a-z_-]+):(.*)$/i.exec(token);
      const option = match ? scope.find((o) => o.name === match[1]?.toLowerCase()) : undefined;
      if (open && !option) {
        options.set(open.name, `${String(options.get(open.name) ?? '')} ${token}`.trim());
        continue;
      }
      if (match && !option) return { kind: 'error', message: consoleText.unknownOption(match[1] ?? '', scope.map((o) => o.name)) };
      if (match && option) {
        options.set(option.name, match[2] ?? '');
        open = isFreeText(option) ? option : undefined;
      } else positional.push(token);
    }
    // Bare words fill the options not named, required ones first, in declaration order; free text takes every word left.
    const unnamed = [...scope.filter((o) => o.required), ...scope.filter((o) => !o.required)].filter((o) => !options.has(o.name));
    while (positional.length) {
      const option = unnamed.shift();
      if (!option) return { kind: 'error', message: consoleText.unknownOption(positional[0] ?? '', scope.map((o) => o.name)) };
      options.set(option.name, isFreeText(option) ? positional.splice(0).join(' ') : (positional.shift() ?? ''));
    }
  }
  for (const option of scope) {
    const raw = options.get(option.name);
    if (raw === undefined) {
      if (option.required) return { kind: 'error', message: consoleText.missingOption(option.name) };
      continue;
    }
    if (option.type === 'integer' || option.type === 'number') {
      const n = Number(raw);
      if (raw === '' || !Number.isFinite(n) || (option.type === 'integer' && !Number.isInteger(n))) {
        return { kind: 'error', message: consoleText.badOption(option.name, option.type === 'integer' ? 'must be a whole number' : 'must be a number') };
      }
      options.set(option.name, n);
    } else if (option.type === 'boolean') {
      const lower = String(raw).toLowerCase();
      if (!['true', 'false', 'yes', 'no'].includes(lower)) return { kind: 'error', message: consoleText.badOption(option.name, 'must be true or false') };
      options.set(option.name, lower === 'true' || lower === 'yes');
    }
  }
  return { kind: 'command', name, subcommand, options };
}
