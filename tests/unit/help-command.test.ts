// help.ts is imported before the registry on purpose: the import order must not matter.
import { help } from '../../src/discord/commands/help.ts';
import { describe, expect, test } from 'vitest';
import { loadPlanKnowledge } from '../../src/adapters/knowledge/load-plan-knowledge.ts';
import type { CommandContext, Reply } from '../../src/discord/command-kit.ts';
import { commands } from '../../src/discord/commands/index.ts';
import type { BotServices } from '../../src/discord/services.ts';

describe('/help', () => {
  test('GIVEN help.ts is loaded before the registry THEN it loads and /help lists every registered command, privately', async () => {
    const replies: Reply[] = [];
    const ctx = { reply: async (reply: Reply) => void replies.push(reply) } as unknown as CommandContext;
    await help.execute(ctx, { library: loadPlanKnowledge().library } as unknown as BotServices);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.ephemeral).toBe(true);
    const listed = replies[0]?.card?.fields[0]?.value ?? '';
    for (const command of commands) expect(listed).toContain(`**/${command.data.name}**`);
  });
});
