/** 👍/👎 on answers as a use case: one vote per member per answer that was really shown, stamped with the time it was cast. */
import type { Clock, Vote, VoteStore } from './ports.ts';

/** A vote as a member casts it: the service adds who wrote the answer (from its record) and the time. */
export type CastVote = Pick<Vote, 'answerId' | 'memberId' | 'value'>;

/** What casting did: recorded, or refused because no such answer was shown (a forged or long-expired button). */
export type CastOutcome = { kind: 'recorded'; mode: Vote['mode'] } | { kind: 'unknown-answer' };

/** The vote use cases. */
export interface VoteService {
  /** Remembers an answer shown with vote buttons, so votes on it are taken. */
  shown(answerId: string, mode: Vote['mode']): Promise<void>;
  /** Records the member's vote on a shown answer, replacing their earlier one; refuses a vote on any other id. */
  cast(vote: CastVote): Promise<CastOutcome>;
}

/** Creates the vote service over a store. */
export function createVoteService(deps: { votes: VoteStore; clock: Clock }): VoteService {
  return {
    shown: (answerId, mode) => deps.votes.rememberAnswer(answerId, mode),
    async cast(vote) {
      // The answer's record, not the button, says who wrote it: a custom id can be forged, a stored record cannot.
      const mode = await deps.votes.answerMode(vote.answerId);
      if (!mode) return { kind: 'unknown-answer' };
      await deps.votes.record({ ...vote, mode, at: deps.clock.now().toISOString() });
      return { kind: 'recorded', mode };
    },
  };
}
