/** Discord's sharding arithmetic: which gateway shard serves a server. */

/** The shard of `shardCount` that serves a guild: Discord's `(guild_id >> 22) % shard_count`. */
export function shardForGuild(guildId: string, shardCount: number): number {
  if (shardCount <= 1) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
