/** Every user-facing string of the Discord bot and the console playground, in one place. */

/** Texts of /workout and its buttons. */
export const workoutText = {
  description: 'Get a workout for one muscle group, built from the coaching library',
  group: 'Muscle group to train',
  focus: 'A muscle to lead with, inside the group (e.g. hamstrings on a leg day)',
  focusChoices: {
    hamstrings: 'Hamstrings (legs)',
    quads: 'Quads (legs)',
    calves: 'Calves (legs)',
    'glute-medius': 'Glute medius / abductors (glutes)',
    lats: 'Lats (back)',
    'upper-back': 'Upper back / traps (back)',
    'lower-back': 'Lower back (back)',
  },
  goal: 'What the session is for (default: your profile, else pump)',
  level: 'Your training level (default: your profile, else intermediate)',
  equipment: 'What you can train with (default: your profile, else gym)',
  minutes: 'How long you have, in minutes (default 60)',
  minuteChoice: (minutes: number) => `${minutes} minutes`,
  groupChoices: { legs: 'Legs (quads, hamstrings, calves)', glutes: 'Glutes', back: 'Back (lats, rhomboids, traps)' },
  goalChoices: { pump: 'Pump (higher reps, short rests)', hypertrophy: 'Hypertrophy (muscle growth)', strength: 'Strength (heavier, fewer reps)' },
  levelChoices: { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' },
  equipmentChoices: { gym: 'Full gym', dumbbells: 'Dumbbells', bands: 'Resistance bands', bodyweight: 'Bodyweight only' },
  variationButton: 'Another variation',
  swapButton: 'Swap exercise',
  swapPlaceholder: 'Pick an exercise to swap in',
  swapOptionLabel: (position: number, from: string, to: string) => clip(`${position}. ${from} → ${to}`, 100),
  swapOptionDescription: (from: string) => clip(`Replaces ${from}; same muscle, fits your equipment`, 100),
  notYours: 'Only the member who asked for this workout can change it. Run /workout to get your own.',
  expired: 'This workout is too old to change. Run /workout for a fresh one.',
  noSubstitutes: 'There is no substitute for these exercises with your equipment. Try "Another variation" instead.',
  swapGone: 'That swap is no longer on offer (the plan changed). Press "Swap exercise" again to see the current choices.',
  invalid: (message: string) => `${message}\nTry again, e.g. /workout group:legs level:beginner.`,
};

/** Texts of /ask, its vote buttons and mentions. */
export const askText = {
  description: 'Ask a training question; answered from the coaching library with citations',
  question: 'Your question, in your own words (up to 500 characters)',
  upButton: '👍 Helpful',
  downButton: '👎 Not helpful',
  empty: 'Please type a question, e.g. /ask question:does a pump mean growth?',
  tooLong: (max: number) => `That question is over ${max} characters. Please shorten it and ask again.`,
  rateLimited: (minutes: number, limit: number, windowMinutes: number) =>
    `You have asked ${limit} questions in the last ${windowMinutes} minutes. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  voteThanks: (value: 'up' | 'down') => (value === 'up' ? 'Thanks! Your 👍 is recorded.' : 'Thanks! Your 👎 is recorded; it helps us improve the answers.'),
  mentionHint: 'Ask me a training question after the mention, e.g. "@Pump Coach does a pump mean growth?".',
  invalid: (message: string) => `${message}\nPlease rephrase and ask again.`,
};

/** Texts of /profile. */
export const profileText = {
  description: 'Save your training defaults, see them, or delete everything the bot keeps about you',
  setDescription: 'Save defaults that /workout uses when you leave an option out',
  showDescription: 'Show your saved defaults',
  forgetDescription: 'Delete everything stored about you (profile, votes, workout history, rate limit)',
  level: 'Your training level',
  equipment: 'What you usually train with',
  goal: 'Your usual goal',
  units: 'Units you prefer for loads',
  unitsChoices: { kg: 'Kilograms (kg)', lb: 'Pounds (lb)' },
  nothingToSet: 'Pick at least one option to save, e.g. /profile set level:beginner.',
  badChoice: (name: string, allowed: readonly string[]) => `${name} must be one of: ${allowed.join(', ')}.`,
  saved: 'Profile saved',
  yours: 'Your profile',
  none: 'You have no saved profile. Save one with /profile set level:… equipment:… goal:…',
  notSet: 'not set',
  usedBy: '/workout fills in what you leave out from these.',
  forgotten: 'Done: everything the bot stored about you (profile, votes, workout history, rate-limit history) is deleted.',
  fields: { level: 'Level', equipment: 'Equipment', goal: 'Goal', units: 'Units' },
};

/** Texts of /help. */
export const helpText = {
  description: 'What this bot does and which sources it knows',
  title: 'Pump Coach',
  intro: 'I build workouts and answer training questions from a small coaching library, citing my sources.',
  commands: 'Commands',
  mention: 'You can also mention me with a question.',
  sources: 'Sources I know',
  lowReliability: ' (promotional; treated with caution)',
  footer: 'Answers cite passages word for word. Stop on sharp pain and get professional guidance for injuries.',
};

/** Texts used whatever the command. */
export const commonText = {
  failed: 'Sorry, something went wrong on our side. Please try again in a moment; if it keeps happening, tell a server admin.',
  unknownCommand: 'This command is not available any more. Type / to see the current ones.',
  unknownComponent: 'This button is no longer active. Run the command again.',
};

/** Texts of the console playground. */
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
  subcommandNeeded: (name: string, subs: string[]) => `/${name} needs one of: ${subs.join(', ')}.`,
};

/** Shortens text to fit a Discord limit, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
