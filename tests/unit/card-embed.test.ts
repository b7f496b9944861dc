import { describe, expect, test } from 'vitest';
import { cardEmbed, EMBED_LIMITS, replyPayload } from '../../src/discord/render/card-embed.ts';

describe('cardEmbed and replyPayload', () => {
  test('GIVEN a card THEN title, description, fields and footer carry over and mentions are never parsed', () => {
    const payload = replyPayload({
      card: { title: 'T', description: 'D', fields: [{ name: 'a', value: 'b', inline: true }], footer: 'F', actions: [{ id: 'x:y', label: 'Go' }] },
    });
    expect(payload.embeds[0]).toMatchObject({ title: 'T', description: 'D', fields: [{ name: 'a', value: 'b', inline: true }], footer: { text: 'F' } });
    expect(payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(payload.components[0]?.components[0]).toMatchObject({ type: 2, custom_id: 'x:y', label: 'Go' });
    expect(payload.flags).toBeUndefined();
  });

  test('GIVEN an ephemeral text reply THEN the ephemeral flag is set and there is no embed', () => {
    const payload = replyPayload({ text: '@everyone hi', ephemeral: true });
    expect(payload.flags).toBe(64);
    expect(payload.embeds).toEqual([]);
    expect(payload.allowedMentions.parse).toEqual([]);
  });

  test('GIVEN a field over 1024 characters THEN it continues in further fields, each within the limit', () => {
    const value = Array.from({ length: 60 }, (_, i) => `line ${i} ${'x'.repeat(40)}`).join('\n');
    const embed = cardEmbed({ title: 'T', fields: [{ name: 'Long', value }] });
    expect(embed.fields!.length).toBeGreaterThan(1);
    for (const field of embed.fields!) expect(field.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
    expect(embed.fields!.map((f) => f.value).join('\n')).toBe(value);
  });

  test('GIVEN a card far over 6000 characters THEN the embed is trimmed under the total limit', () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, value: 'y'.repeat(1000) }));
    const embed = cardEmbed({ title: 'T', fields });
    const total = embed.title!.length + embed.fields!.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(EMBED_LIMITS.total);
    expect(embed.fields!.length).toBeLessThanOrEqual(EMBED_LIMITS.fields);
  });

  test('GIVEN a select menu THEN it gets its own row with at most 25 options', () => {
    const options = Array.from({ length: 30 }, (_, i) => ({ value: `v${i}`, label: `L${i}` }));
    const payload = replyPayload({ card: { title: 'T', fields: [] }, select: { id: 'w:pick:1', placeholder: 'Pick', options } });
    const select = payload.components.at(-1)!.components[0] as { type: number; options: unknown[] };
    expect(select.type).toBe(3);
    expect(select.options).toHaveLength(25);
  });
});

describe('embeds of cards that share their fields', () => {
  test('GIVEN two cards with one fields array (a remembered card with other buttons) THEN each embed follows its own title, description and footer', () => {
    const fields = [{ name: 'Warm-up', value: 'Easy bike — 5 min' }];
    const one = cardEmbed({ title: 'Legs', fields, actions: [{ id: 'a', label: 'A' }] });
    const same = cardEmbed({ title: 'Legs', fields, actions: [{ id: 'b', label: 'B' }] });
    const retitled = cardEmbed({ title: 'Back', fields, footer: 'from the library' });
    expect(same).toEqual(one);
    expect(retitled.title).toBe('Back');
    expect(retitled.footer).toEqual({ text: 'from the library' });
    expect(cardEmbed({ title: 'Legs', fields }).footer).toBeUndefined();
  });
});
