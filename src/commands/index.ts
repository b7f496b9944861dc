/** The one registry of commands: the bot routes to it, the console runs it, `npm run register` publishes it. */
import type { Command } from './command-kit.ts';
import { ask } from './ask.ts';
import { daily } from './daily.ts';
import { help } from './help.ts';
import { history } from './history.ts';
import { log } from './log.ts';
import { profile } from './profile.ts';
import { prs } from './prs.ts';
import { workout } from './workout.ts';

/** Every command, in the order /help lists them. Add a feature's command here, and nowhere else. */
export const commands: Command[] = [workout, log, history, prs, ask, profile, daily, help];
