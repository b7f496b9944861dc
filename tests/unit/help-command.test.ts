import { describe, expect, test } from 'vitest';
import { loadPlanKnowledge } from '../../src/adapters/knowledge/load-plan-knowledge.ts';
import { help } from '../../src/commands/help.ts';
import { commands } from '../../src/commands/index.ts';
import type { CommandServices } from '../../src/commands/services.ts';
import { commandContext, type Sent } from '../fakes/fake-contexts.ts';

describe('/help', () => {
  test('GIVEN the registry THEN /help lists every registered command with its description and every source, privately', async () => {
    const sent: Sent[] = [];
    const { library } = loadPlanKnowledge();
    await help.execute(commandContext({ name: 'help' }, sent), { library, catalog: commands.map((c) => c.data) } as unknown as CommandServices);
    expect(sent).toHaveLength(1);
    const reply = sent[0]?.reply;
    expect(reply?.ephemeral).toBe(true);
    const listed = reply?.card?.fields[0]?.value ?? '';
    for (const command of commands) expect(listed).toContain(`*/${command.data.name}* — ${command.data.description}`);
    const sources = reply?.card?.fields[1]?.value ?? '';
    for (const doc of library.documents) expect(sources).toContain(doc.origin.title);
    // It says what is stored about a member, the training log included, and how to delete it.
    const stored = reply?.card?.fields[2]?.value ?? '';
    expect(stored).toMatch(/training log/i);
    expect(stored).toContain('/profile forget');
  });
});
