/** What command handlers may use, wired in main.ts. Features add their own fields here (e.g. the daily posts). */
import type { Library } from '../core/library.ts';
import type { Clock, RateLimiter, VoteStore, WorkoutSessionStore } from '../app/ports.ts';
import type { AnswerService } from '../app/answer-question.ts';
import type { ProfileService } from '../app/profile-service.ts';
import type { PlanKnowledge } from '../core/training-rules.ts';
import type { Logger } from '../logger.ts';
import type { DailyService } from '../app/daily-service.ts';

/** Everything a command handler may call. */
export interface BotServices {
  knowledge: PlanKnowledge;
  library: Library;
  answers: AnswerService;
  profiles: ProfileService;
  votes: VoteStore;
  sessions: WorkoutSessionStore;
  /** The /ask and mention rate limit. */
  askLimiter: RateLimiter;
  /** The limit askLimiter enforces, for the "try again" message. */
  askPolicy: { limit: number; windowMinutes: number };
  clock: Clock;
  logger: Logger;
  /** Daily posts; absent in the console playground, which has no channels to post in. */
  daily?: DailyService;
}
