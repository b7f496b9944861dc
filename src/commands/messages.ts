/** Every user-facing string of the commands, in one place, for any transport (no Discord markup or limits here). */

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
  swapOptionLabel: (position: number, from: string, to: string) => `${position}. ${from} → ${to}`,
  swapOptionDescription: (from: string) => `Replaces ${from}; same muscle, fits your equipment`,
  notYours: 'Only the member who asked for this workout can change it. Run /workout to get your own.',
  expired: 'This workout is too old to change. Run /workout for a fresh one.',
  noSubstitutes: 'There is no substitute for these exercises with your equipment. Try "Another variation" instead.',
  swapGone: 'That swap is no longer on offer (the plan changed). Press "Swap exercise" again to see the current choices.',
  invalid: (message: string) => `${message}\nTry again, e.g. /workout group:legs level:beginner.`,
  logButton: 'Log this workout',
  logTitle: (label: string, goal: string) => `Log: ${label} · ${goal}`,
  logField: (name: string) => name,
  logPlaceholder: 'sets x reps @ weight, e.g. 3x10 @ 60 kg (empty = skip)',
};

/** Texts of /log, the "Log this workout" form and their replies. */
export const logText = {
  description: 'Log a set of an exercise (sets, reps, weight); announces personal records',
  exercise: 'Exercise: start typing a name or alias, e.g. back squat',
  sets: 'Sets (1–20)',
  reps: 'Reps per set (1–100)',
  weight: 'Load (0–1000, decimals allowed; 0 for bodyweight)',
  unit: 'kg or lb (default: your /profile units, else kg)',
  unitChoices: { kg: 'kg', lb: 'lb' },
  rpe: 'How hard it felt, RPE 6–10 (optional)',
  note: 'A note, up to 200 characters (optional)',
  share: 'Post it in the channel instead of only to you (default: no)',
  /** What each field allows, for "sets must be …". */
  allowed: {
    exercise: 'an exercise from the catalogue',
    sets: 'a whole number from 1 to 20',
    reps: 'a whole number from 1 to 100',
    weight: 'a number from 0 to 1000 (0 for bodyweight)',
    unit: 'kg or lb',
    rpe: 'a number from 6 to 10, in half steps (e.g. 8 or 8.5)',
    note: 'at most 200 characters',
  },
  problem: (field: string, allowed: string, given?: string) => `• ${field} must be ${allowed}${given ? ` (you gave ${given})` : ''}.`,
  noteTooLong: (length: string) => `• note must be at most 200 characters (yours has ${length}).`,
  unknownExercise: (given: string, nearest: readonly string[]) =>
    `• exercise "${given}" is not in the catalogue.${nearest.length ? ` Did you mean: ${nearest.join(', ')}?` : ''}`,
  missingExercise: '• exercise is required: start typing a name, e.g. back squat.',
  nothingLogged: 'Nothing was logged:',
  tryAgain: 'Example: /log exercise:back squat sets:3 reps:8 weight:100 unit:kg rpe:8',
  loggedTitle: (name: string) => `Logged: ${name}`,
  rpeSuffix: (rpe: number) => ` · RPE ${rpe}`,
  noteLine: (note: string) => `Note: ${note}`,
  recordTitle: '🏆 Personal record',
  records: {
    weight: (now: string, was: string) => `Heaviest load: ${now} (was ${was})`,
    e1rm: (now: string, was: string) => `Best estimated 1RM: ${now} (was ${was})`,
    reps: (reps: number, load: string, was: number) => `Most reps at ${load} or more: ${reps} (was ${was})`,
  },
  baseline: (name: string) => `First entry for ${name}: this is your baseline. Beat it next time for a record.`,
  streak: (weeks: number, thisWeek: boolean) =>
    weeks === 0 ? 'No streak yet' : `Streak: ${weeks} week${weeks === 1 ? '' : 's'} in a row${thisWeek ? '' : ' (log this week to keep it)'}`,
  footer: (streak: string) => `${streak} · /history shows your log, /prs your records`,
  // The form.
  formBadTitle: 'Nothing was logged: fix these lines and press "Log this workout" again.',
  formBadLine: (position: number, name: string, text: string) => `Line ${position} (${name}): "${text}"`,
  formShape: '  write it as sets x reps @ weight, e.g. 3x10 @ 60 kg, 4x12 @ 135 lb rpe 8 or 3x15 @ bodyweight',
  formEmpty: 'Nothing was logged: every line was empty. Fill in at least one, e.g. 3x10 @ 60 kg.',
  sessionTitle: (count: number) => `Workout logged: ${count} exercise${count === 1 ? '' : 's'}`,
  sessionLine: (name: string, set: string, record: string) => `${name} — ${set}${record}`,
  sessionRecord: (kinds: string) => ` 🏆 ${kinds}`,
  recordNames: { weight: 'heaviest load', e1rm: 'best estimated 1RM', reps: 'most reps at that load' } as Record<string, string>,
  skippedName: 'Not logged',
  skipped: { empty: 'left empty', 'no-weight': 'no weight given', 'unknown-exercise': 'not in the catalogue any more' } as Record<string, string>,
  skippedLine: (name: string, why: string) => `${name}: ${why}`,
  notInForm: (name: string) => `${name}: not in the form (Discord shows five lines); log it with /log`,
  bodyweight: 'bodyweight',
  set: (sets: number, reps: number, load: string) => `${sets} × ${reps} @ ${load}`,
  loggedAs: (load: string) => ` (logged as ${load})`,
};

/** Texts of /history. */
export const historyText = {
  description: 'Your training log, newest first, or as a CSV file',
  showDescription: 'Your logged sets, newest first, ten per page',
  exportDescription: 'Download your log as a CSV file',
  exercise: 'Only this exercise (start typing a name)',
  days: 'Only the last this-many days (1–3650)',
  title: 'Your training log',
  filtered: (name: string) => ` · ${name}`,
  lastDays: (days: number) => ` · last ${days} day${days === 1 ? '' : 's'}`,
  line: (date: string, name: string, set: string, rpe: string, note: string) => `${date} · ${name} · ${set}${rpe}${note ? ` — ${note}` : ''}`,
  footer: (page: number, total: number, streak: string, zone: string) => `Page ${page} · ${total} entr${total === 1 ? 'y' : 'ies'} in all · ${streak} · dates in ${zone}`,
  newer: '◀ Newer',
  older: 'Older ▶',
  empty: 'Your log is empty. Log a set with /log exercise:back squat sets:3 reps:8 weight:100, or press "Log this workout" under a /workout.',
  noMatch: 'No entries match. Try /history without the exercise or days.',
  notYours: 'These pages belong to someone else. Run /history for your own log.',
  unknownExercise: (given: string, nearest: readonly string[]) => `No exercise "${given}" in the catalogue.${nearest.length ? ` Did you mean: ${nearest.join(', ')}?` : ''}`,
  badDays: 'days must be a whole number from 1 to 3650.',
  exported: (rows: number) => `Your training log: ${rows} entr${rows === 1 ? 'y' : 'ies'} as CSV (date, exercise, sets, reps, weight, unit, rpe, note; weights as logged).`,
  fileName: 'training-log.csv',
  fileDescription: 'Pump Coach training log',
};

/** Texts of /prs. */
export const prsText = {
  description: 'Your personal records per exercise, computed from your log',
  exercise: 'Only this exercise (start typing a name)',
  title: 'Your personal records',
  intro: 'Computed from every entry of your log. Estimated 1RM by Epley: weight × (1 + reps / 30).',
  exerciseName: (name: string, count: number) => `${name} (${count} entr${count === 1 ? 'y' : 'ies'})`,
  heaviest: (load: string, reps: number, date: string) => `Heaviest: ${load} × ${reps} (${date})`,
  e1rm: (estimate: string, load: string, reps: number) => `Best estimated 1RM: ${estimate} (${load} × ${reps})`,
  repRecords: (list: string) => `Most reps: ${list}`,
  repRecord: (reps: number, load: string) => `${reps} @ ${load}`,
  more: (count: number) => `…and ${count} more exercise${count === 1 ? '' : 's'}: /prs exercise:<name> shows one.`,
  empty: 'No records yet: log a set with /log exercise:back squat sets:3 reps:8 weight:100.',
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
  voteUnknown: 'I cannot find the answer this button belongs to, so the vote was not counted. Ask again with /ask to vote on a fresh answer.',
  mentionHint: 'Ask me a training question after the mention, e.g. "@Pump Coach does a pump mean growth?".',
  invalid: (message: string) => `${message}\nPlease rephrase and ask again.`,
};

/** Texts of /profile. */
export const profileText = {
  description: 'Save your training defaults, see them, or delete everything the bot keeps about you',
  setDescription: 'Save defaults that /workout uses when you leave an option out',
  showDescription: 'Show your saved defaults',
  forgetDescription: 'Delete everything stored about you (profile, training log, votes, workouts, rate limit)',
  level: 'Your training level',
  equipment: 'What you usually train with',
  goal: 'Your usual goal',
  units: 'Units you prefer for loads',
  timezone: 'Your time zone, for log dates and weekly streaks (start typing, e.g. Europe/Berlin)',
  badTimezone: (given: string) => `timezone must be an IANA zone name such as Europe/Berlin or America/New_York, not "${given}" (start typing to pick one).`,
  unitsChoices: { kg: 'Kilograms (kg)', lb: 'Pounds (lb)' },
  nothingToSet: 'Pick at least one option to save, e.g. /profile set level:beginner.',
  badChoice: (name: string, allowed: readonly string[]) => `${name} must be one of: ${allowed.join(', ')}.`,
  saved: 'Profile saved',
  yours: 'Your profile',
  none: 'You have no saved profile. Save one with /profile set level:… equipment:… goal:…',
  notSet: 'not set',
  usedBy: '/workout fills in what you leave out from these.',
  forgotten: 'Done: everything the bot stored about you (profile, training log, votes, workout sessions, rate-limit history) is deleted.',
  fields: { level: 'Level', equipment: 'Equipment', goal: 'Goal', units: 'Units', timezone: 'Time zone', log: 'Training log' },
  defaultZone: 'UTC (not set)',
  logValue: (entries: number, streak: string) => `${entries} entr${entries === 1 ? 'y' : 'ies'} · ${streak}`,
};

/** Texts of /help. */
export const helpText = {
  description: 'What this bot does and which sources it knows',
  title: 'Pump Coach',
  intro: 'I build workouts and answer training questions from a small coaching library, citing my sources.',
  commands: 'Commands',
  mention: 'You can also mention me with a question.',
  sources: 'Sources I know',
  stored: 'What I store about you',
  storedValue: [
    '• Your /profile defaults (level, equipment, goal, units, time zone).',
    '• Your training log: every /log entry and "Log this workout" line (exercise, sets, reps, weight and unit as you typed them, RPE, note, time), kept until you delete it; records and streaks are computed from it.',
    '• A /workout you swapped exercises in (30 days, so its buttons work; an unswapped one is carried by its buttons alone), your 👍/👎 votes, and recent /ask times for the rate limit.',
    '/profile forget deletes all of it.',
  ].join('\n'),
  lowReliability: ' (promotional; treated with caution)',
  footer: 'Answers cite passages word for word. Stop on sharp pain and get professional guidance for injuries.',
};

/** Texts used whatever the command. */
export const commonText = {
  failed: 'Sorry, something went wrong on our side. Please try again in a moment; if it keeps happening, tell a server admin.',
  unknownCommand: 'This command is not available any more. Type / to see the current ones.',
  unknownComponent: 'This button is no longer active. Run the command again.',
  formTooLate: 'That took too long to open the form. Please press the button again.',
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
  split: 'One a day: groups, focuses or rest (default legs,back,glutes; e.g. legs,back,rest,hamstrings)',
  restDays: 'What a rest day in the split posts (default: nothing)',
  restDaysChoices: { quiet: 'Nothing', tip: 'A short recovery tip' },
  restDaysValue: { quiet: 'post nothing', tip: 'post a recovery tip' },
  restTitle: (localDate: string) => `Daily post · Rest day · ${localDate}`,
  restDescription: 'No workout today. Recovery is part of training: growth needs rest, food and sleep as well as work.',
  restPreview: 'The next slot is a rest day, and rest days post nothing here.',
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
    restDays: 'Rest days',
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
  pauseNotice: (server: string, channel: string, reason: string) =>
    `Daily workout posts in ${server} are paused: ${reason} Posts to ${channel} stop until someone fixes that (give me the permission back, or pick another channel) and runs /daily set again there. /daily show keeps the reason.`,
  todayValue: (status: string, note?: string) => (note ? `${status}: ${note}` : status),
} as const;

/** Texts of the workout card. */
export const planCardText = {
  title: (group: string, goal: string, level: string) => `${group} · ${goal} · ${level}`,
  /** The group label with its focus: `Legs (hamstrings focus)`. */
  focused: (group: string, focus: string) => `${group} (${focus} focus)`,
  description: (estimated: number, budget: number, equipment: string, date: string) =>
    `About ${estimated} min (of ${budget}) · ${equipment} · ${date}`,
  /** Said when a long budget leaves time over: a "120 min" request otherwise looks like the time was ignored. */
  capped: (max: number) => `One muscle group tops out at ${max} exercises, so this session ends before your time does.`,
  warmup: (minutes: number) => `Warm-up · ${minutes} min`,
  cooldown: (minutes: number) => `Cool-down · ${minutes} min`,
  note: (text: string) => `Note: ${text}`,
  progressionName: 'How to progress',
  activity: (name: string, minutes: number) => `• ${name} — ${minutes} min`,
  dose: (sets: number, min: number, max: number, side: string | null, rest: number) =>
    `${sets} × ${min === max ? min : `${min}–${max}`}${side ? ` (${side})` : ''} · rest ${rest} s`,
  perSide: (group: string) => (group === 'back' ? 'per arm' : 'per leg'),
  technique: (name: string, note: string | null) => `Technique: ${name}${note ? ` — ${note}` : ''}`,
  cue: (cue: string) => `Cue: ${cue}`,
  lastTime: (sets: string) => `Last time: ${sets}`,
  next: (target: string, change: string, passages: string) => `Next: ${target} (${change}) [${passages}]`,
  changes: { 'add-load': 'add load', 'add-rep': 'add a rep', 'add-set': 'add a set' } as Record<string, string>,
  sourcesName: 'Sources',
  source: (title: string, author: string) => `${title} (${author})`,
  equipment: { gym: 'gym', dumbbells: 'dumbbells', bands: 'bands', bodyweight: 'bodyweight' } as Record<string, string>,
} as const;

/** Texts of answer cards. */
export const answerCardText = {
  title: 'Coach answers',
  notCoveredTitle: 'Not covered by the coaching library',
  refusedTitle: "Not something I can help with",
  sources: 'Sources',
  offline: 'Answered offline from the coaching library',
  claude: 'Answered by Claude from the coaching library',
  because: (reason: string) => ` (${reason})`,
} as const;
