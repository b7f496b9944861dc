/** Every user-facing string of the console playground. */

/** Texts of the console playground (the commands' own texts live in commands/messages.ts). */
export const consoleText = {
  banner: 'Pump Coach console. Type /help, /workout legs level:beginner, /ask does a pump mean growth?, or a number to press a button.',
  prompt: '> ',
  unknownCommand: (name: string, known: string[]) => `Unknown command /${name}. Try one of: ${known.map((k) => `/${k}`).join(', ')}.`,
  notACommand: 'Start with a slash command (e.g. /workout legs) or type the number of a button shown above.',
  noChoices: 'There are no buttons to press right now. Run a command first.',
  badChoice: (max: number) => `Pick a number from 1 to ${max}.`,
  onlyYou: '(only you can see this)',
  thinking: '(thinking…)',
  badOption: (name: string, problem: string) => `Option ${name}: ${problem}.`,
  unknownOption: (name: string, known: string[]) => `Unknown option "${name}". Options: ${known.join(', ') || 'none'}.`,
  missingOption: (name: string) => `Missing required option "${name}".`,
  formHint: 'One line per field; Enter keeps the suggestion in [brackets].',
  formField: (n: number, label: string, suggestion: string) => `${n}. ${label} [${suggestion}]`,
  formCancelled: '(input ended before the form was complete; nothing was sent)',
  file: (name: string) => `--- ${name} ---`,
  subcommandNeeded: (name: string, subs: string[]) => `/${name} needs one of: ${subs.join(', ')}.`,
};

