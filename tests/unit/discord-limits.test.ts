import { describe, expect, test } from 'vitest';
import { choiceProblems, DISCORD_LIMITS, messageProblems } from '../fakes/discord-limits.ts';

const button = (custom_id: string, label = 'Go') => ({ type: 2, style: 1, custom_id, label });
const row = (...components: unknown[]) => ({ type: 1, components });
const select = (count: number) => ({ type: 3, custom_id: 'pick', options: Array.from({ length: count }, (_, i) => ({ label: `o${i}`, value: `v${i}` })) });

describe('Discord limits the fake enforces', () => {
  test.each([
    ['content of 2,000 characters', { content: 'x'.repeat(2000) }, []],
    ['content of 2,001 characters', { content: 'x'.repeat(2001) }, ['content']],
    ['an emoji counted as one character', { content: '💪'.repeat(2000) }, []],
    ['a title of 257', { embeds: [{ title: 't'.repeat(257) }] }, ['embeds.0.title']],
    ['a description of 4,097', { embeds: [{ description: 'd'.repeat(4097) }] }, ['embeds.0.description']],
    ['26 fields', { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] }, ['embeds.0.fields']],
    ['an empty field value', { embeds: [{ fields: [{ name: 'n', value: '' }] }] }, ['embeds.0.fields.0.value']],
    ['a field value of 1,025', { embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }] }, ['embeds.0.fields.0.value']],
    ['two embeds of 3,001 characters each', { embeds: [{ description: 'a'.repeat(3001) }, { description: 'b'.repeat(3000) }] }, ['embeds']],
    ['six action rows', { components: Array.from({ length: 6 }, (_, i) => row(button(`b${i}`))) }, ['components']],
    ['six buttons in a row', { components: [row(...Array.from({ length: 6 }, (_, i) => button(`b${i}`)))] }, ['components.0.components']],
    ['a custom_id of 101', { components: [row(button('c'.repeat(101)))] }, ['components.0.components.0.custom_id']],
    ['a custom_id of 100', { components: [row(button('c'.repeat(100)))] }, []],
    ['one custom_id twice', { components: [row(button('same')), row(button('same'))] }, ['components.1.components.0.custom_id']],
    ['26 select options', { components: [row(select(26))] }, ['components.0.components.0.options']],
    ['25 select options', { components: [row(select(25))] }, []],
    ['a select beside a button', { components: [row(select(2), button('b'))] }, ['components.0.components']],
  ])('GIVEN %s THEN the problems name %j', (_label, body, fields) => {
    expect(messageProblems(body).map((p) => p.slice(0, p.indexOf(':')))).toEqual(fields);
  });

  test('GIVEN 26 autocomplete choices or a name of 101 THEN both are named', () => {
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: i === 0 ? 'n'.repeat(101) : `c${i}`, value: `c${i}` }));
    expect(choiceProblems({ choices }).map((p) => p.slice(0, p.indexOf(':')))).toEqual(['choices', 'choices.0.name']);
    expect(DISCORD_LIMITS.embedTotal).toBe(6000);
  });
});
