/** Every user-facing string of the commands, in one place, for any transport (no Discord markup or limits here). */

/** Texts of /workout and its buttons. */
export const workoutText = {
  description: 'Get a workout for one muscle group, built from the coaching library',
  group: 'Muscle group to train',
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
  swapOptionLabel: (position: number, from: string, to: string) => `${position}. ${from} → ${to}`,
  swapOptionDescription: (from: string) => `Replaces ${from}; same muscle, fits your equipment`,
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

/** Texts of the /daily slash command (descriptions, replies). */
export const dailyText = {
  description: 'Daily workout posts for this server (admins)',
  setDescription: 'Post a workout every day at a local time',
  showDescription: 'When the next daily post goes out, and the settings',
  previewDescription: 'See the next daily post (only you see it)',
  offDescription: 'Stop the daily posts',
  channel: 'Channel the workout is posted in',
  time: 'Local time, 24-hour HH:MM (e.g. 07:00)',
  timezone: 'Time zone, IANA name (start typing, e.g. Europe/Berlin)',
  split: 'Rotation of groups, one per day (default: legs,back,glutes)',
  goal: 'Goal of the daily plans (default: pump)',
  level: 'Level of the daily plans (default: intermediate)',
  equipment: 'Equipment of the daily plans (default: gym)',
  thread: 'Open a thread under each post for the day (default: no)',
  channelMissing: 'Pick the channel for the daily post, e.g. /daily set channel:#daily-workout time:07:00 timezone:Europe/Berlin.',
  adminOnly: 'Only members who can manage the server can change daily posts. Ask a server admin to run /daily for you.',
  guildOnly: 'Daily posts belong to a server; run this inside one.',
  unavailable: 'Daily posts need the Discord bot, so they are not available here. To see the post a date would get, run: npm run coach -- daily --date YYYY-MM-DD',
  savedTitle: 'Daily posts are on',
  showTitle: 'Daily posts',
  previewNote: (when: string) => `Preview of the post due ${when}. Only you can see this.`,
  postTitle: (planTitle: string) => `Daily workout · ${planTitle}`,
  tipField: 'Tip of the day',
  tipValue: (quote: string, sourceTitle: string, passageId: string) => `“${quote}”\n— ${sourceTitle} [${passageId}]`,
  fields: {
    channel: 'Channel',
    time: 'Time',
    next: 'Next post',
    split: 'Rotation',
    defaults: 'Plan defaults',
    thread: 'Thread for the day',
    status: 'Status',
    today: 'Today',
  },
  timeValue: (time: string, timezone: string) => `${time} ${timezone}`,
  defaultsValue: (goal: string, level: string, equipment: string) => `${goal}, ${level}, ${equipment}`,
  yes: 'yes',
  no: 'no',
  active: 'Active',
  todayValue: (status: string, note?: string) => (note ? `${status}: ${note}` : status),
} as const;

/** Texts of the workout card. */
export const planCardText = {
  title: (group: string, goal: string, level: string) => `${group} · ${goal} · ${level}`,
  description: (estimated: number, budget: number, equipment: string, date: string) =>
    `About ${estimated} min (of ${budget}) · ${equipment} · ${date}`,
  /** Said when a long budget leaves time over: a "120 min" request otherwise looks like the time was ignored. */
  capped: (max: number) => `One muscle group tops out at ${max} exercises, so this session ends before your time does.`,
  warmup: (minutes: number) => `Warm-up · ${minutes} min`,
  cooldown: (minutes: number) => `Cool-down · ${minutes} min`,
  activity: (name: string, minutes: number) => `• ${name} — ${minutes} min`,
  dose: (sets: number, min: number, max: number, side: string | null, rest: number) =>
    `${sets} × ${min === max ? min : `${min}–${max}`}${side ? ` (${side})` : ''} · rest ${rest} s`,
  perSide: (group: string) => (group === 'back' ? 'per arm' : 'per leg'),
  technique: (name: string, note: string | null) => `Technique: ${name}${note ? ` — ${note}` : ''}`,
  cue: (cue: string) => `Cue: ${cue}`,
  sourcesName: 'Sources',
  source: (title: string, author: string) => `${title} (${author})`,
  equipment: { gym: 'gym', dumbbells: 'dumbbells', bands: 'bands', bodyweight: 'bodyweight' } as Record<string, string>,
} as const;

/** Texts of answer cards. */
export const answerCardText = {
  title: 'Coach answers',
  notCoveredTitle: 'Not covered by the coaching library',
  sources: 'Sources',
  offline: 'Answered offline from the coaching library',
  claude: 'Answered by Claude from the coaching library',
  because: (reason: string) => ` (${reason})`,
} as const;
