/** Member profiles: merging /profile set changes, filling /workout options, and forgetting a member entirely. */
import type { EquipmentLevel, Goal, Level } from '../core/plan-types.ts';
import { createKeyedQueue, type KeyedQueue } from './keyed-queue.ts';
import type { Clock, Profile, ProfileStore, RateLimiter, VoteStore, WorkoutSessionStore } from './ports.ts';

/** The fields /profile set may change. */
export interface ProfileChanges {
  level?: Level | undefined;
  equipment?: EquipmentLevel | undefined;
  goal?: Goal | undefined;
  units?: 'kg' | 'lb' | undefined;
  /** An IANA zone name, already checked. */
  timezone?: string | undefined;
}

/** Applies the given changes over an existing profile; unset fields keep their old values. */
export function mergeProfile(existing: Profile | undefined, changes: ProfileChanges, now: Date): Profile {
  const merged: Profile = { ...existing, updatedAt: now.toISOString() };
  if (changes.level !== undefined) merged.level = changes.level;
  if (changes.equipment !== undefined) merged.equipment = changes.equipment;
  if (changes.goal !== undefined) merged.goal = changes.goal;
  if (changes.units !== undefined) merged.units = changes.units;
  if (changes.timezone !== undefined) merged.timezone = changes.timezone;
  return merged;
}

/** True when the changes set nothing. */
export function isEmptyChange(changes: ProfileChanges): boolean {
  return Object.values(changes).every((v) => v === undefined);
}

/** What a /workout asked for, before defaults. */
export interface WorkoutOptions {
  group?: string | undefined;
  focus?: string | undefined;
  goal?: string | undefined;
  level?: string | undefined;
  equipment?: string | undefined;
  minutes?: number | undefined;
}

/** Fills options the member left out from their profile; what they typed always wins. */
export function withProfileDefaults(options: WorkoutOptions, profile: Profile | undefined): WorkoutOptions {
  return {
    group: options.group,
    focus: options.focus,
    goal: options.goal ?? profile?.goal,
    level: options.level ?? profile?.level,
    equipment: options.equipment ?? profile?.equipment,
    minutes: options.minutes,
  };
}

/** Everything the bot keeps about members. */
export interface MemberData {
  profiles: ProfileStore;
  votes: VoteStore;
  limiters: RateLimiter[];
  sessions: WorkoutSessionStore;
  /** The training log, forgotten through its own use case so a write under way cannot bring it back. */
  trainingLog: { forget(memberId: string): Promise<void> };
}

/** The profile use cases /profile calls. */
export interface ProfileService {
  show(memberId: string): Promise<Profile | undefined>;
  set(memberId: string, changes: ProfileChanges): Promise<Profile>;
  /** Deletes everything stored about the member: profile, votes, rate-limit history, workout sessions, training log. */
  forget(memberId: string): Promise<void>;
}

/** Creates the profile service over the stores; `serial` runs one member's changes in turn (@default a per-process queue). */
export function createProfileService(data: MemberData, clock: Clock, serial: KeyedQueue = createKeyedQueue()): ProfileService {
  // One member's set and forget run in turn: two sets at once would each merge into the same old profile (one
  // change lost), and a set finishing after a forget would bring the profile back.
  return {
    show: (memberId) => data.profiles.get(memberId),
    set: (memberId, changes) =>
      serial(memberId, async () => {
        const profile = mergeProfile(await data.profiles.get(memberId), changes, clock.now());
        await data.profiles.set(memberId, profile);
        return profile;
      }),
    forget: (memberId) =>
      serial(memberId, async () => {
        await Promise.all([
          data.profiles.delete(memberId),
          data.votes.deleteMember(memberId),
          data.sessions.deleteOwner(memberId),
          data.trainingLog.forget(memberId),
          ...data.limiters.map((limiter) => limiter.forget(memberId)),
        ]);
      }),
  };
}
