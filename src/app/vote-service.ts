/** 👍/👎 on answers as a use case: one vote per member per answer, stamped with the time it was cast. */
import type { Clock, Vote, VoteStore } from './ports.ts';

/** A vote as a member casts it (the service adds the time). */
export type CastVote = Omit<Vote, 'at'>;

/** The vote use cases. */
export interface VoteService {
  /** Records the member's vote on an answer, replacing their earlier one. */
  cast(vote: CastVote): Promise<void>;
}

/** Creates the vote service over a store. */
export function createVoteService(deps: { votes: VoteStore; clock: Clock }): VoteService {
  return {
    cast: (vote) => deps.votes.record({ ...vote, at: deps.clock.now().toISOString() }),
  };
}
