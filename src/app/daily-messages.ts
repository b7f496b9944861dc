/** The daily use cases' own wording: validation problems and pause reasons (plain text, any transport). */

/** Messages the daily use cases return, for /daily and `coach daily`. */
export const dailyMessages = {
  badTime: (typed: string) => `“${typed}” is not a time. Use 24-hour HH:MM, for example 07:00 or 18:30.`,
  badTimezone: (typed: string) =>
    `“${typed}” is not a time zone I know. Pick an IANA name from the list, for example Europe/Berlin, America/New_York or Asia/Kolkata.`,
  badSplit: (word: string, days: string) =>
    word
      ? `“${word}” is not a day of a split. Use a comma-separated list of groups, focuses or rest: ${days}.`
      : `A split cannot have an empty day (two commas in a row, or one at either end). Use a comma-separated list of groups, focuses or rest: ${days}.`,
  badChoice: (option: string, typed: string, allowed: readonly string[]) => `“${typed}” is not a ${option}. Choose one of: ${allowed.join(', ')}.`,
  badDate: (typed: string) => `“${typed}” is not a date. Use YYYY-MM-DD, for example 2026-03-29.`,
  missingPermission: (missing: readonly string[]) =>
    `I can't post in that channel: I am missing ${missing.join(', ')}. Give me that permission there, or pick another channel; nothing was saved.`,
  channelGone: 'That channel no longer exists or I cannot see it. Pick another channel; nothing was saved.',
  notConfigured: 'Daily posts are not set up here. An admin can start them with /daily set.',
  turnedOff: 'Daily posts are off. Nothing more will be posted until someone runs /daily set again.',
  alreadyOff: 'Daily posts were not set up here, so there was nothing to turn off.',
  paused: (reason: string) => `Daily posts are paused: ${reason} Fix it, then run /daily set again to resume.`,
  pausedGone: 'the channel was deleted or I can no longer see it.',
  pausedForbidden: (detail: string) => `I lost a permission in the channel (${detail}).`,
  nobodyTold: 'daily posts paused and nobody could be told (no DM to the member who set them, no system channel): run /daily show in the server for the reason',
  threadTitle: (day: string, localDate: string) => `${day[0]?.toUpperCase() ?? ''}${day.slice(1).replace(/-/g, ' ')} day — ${localDate}`,
  restThreadTitle: (localDate: string) => `Rest day — ${localDate}`,
} as const;
