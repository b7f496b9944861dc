/** What command handlers may call: use cases and read-only knowledge, never a store. Built once in main.ts. */
import type { AnswerService } from '../app/answer-question.ts';
import type { DailyService } from '../app/daily-service.ts';
import type { Log, RateLimiter } from '../app/ports.ts';
import type { ProfileService } from '../app/profile-service.ts';
import type { TrainingLogService } from '../app/training-log-service.ts';
import type { VoteService } from '../app/vote-service.ts';
import type { WorkoutService } from '../app/workout-service.ts';
import type { Library } from '../core/library.ts';
import type { PlanKnowledge } from '../core/training-rules.ts';
import type { CommandSpec } from './command-kit.ts';

/** Everything a command handler may call. */
export interface CommandServices {
  knowledge: PlanKnowledge;
  library: Library;
  answers: AnswerService;
  workouts: WorkoutService;
  profiles: ProfileService;
  votes: VoteService;
  /** /log, /history, /prs, the streak, and /workout's "Last time" lines. */
  trainingLog: TrainingLogService;
  /** The /ask and mention rate limit. */
  askLimiter: RateLimiter;
  /** The limit askLimiter enforces, for the "try again" message. */
  askPolicy: { limit: number; windowMinutes: number };
  /** Daily posts; absent in the console playground, which has no channels to post in. */
  daily?: DailyService;
  /** The registered commands' specs, for /help (the registry itself would be an import cycle). */
  catalog: readonly CommandSpec[];
  log: Log;
}
