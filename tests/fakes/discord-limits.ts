/**
 * Discord's documented limits on what a bot sends, for the fake Discord to enforce: a message (content, embeds,
 * components) and autocomplete choices. Each check returns the problems found, one `field: message` line each, in
 * the field paths Discord's own 50035 "Invalid Form Body" errors use (`embeds.0.fields.3.value`).
 * Sources: developers' docs, "Embed Limits", "Component Reference" and "Interaction Response Object".
 */

/** The limits, as Discord documents them (characters are counted as code points). */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer text and author name of every embed in one message. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectPlaceholder: 150,
  optionLabel: 100,
  optionValue: 100,
  optionDescription: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  modalTitle: 45,
  modalRows: 5,
  textInputLabel: 45,
  textInputValue: 4000,
  textInputPlaceholder: 100,
} as const;

const length = (text: unknown) => (typeof text === 'string' ? [...text].length : 0);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bot's JSON, checked field by field
type Json = any;

function checkText(problems: string[], field: string, text: unknown, max: number, required = false): number {
  const size = length(text);
  if (required && size === 0) problems.push(`${field}: must be 1 or more in length`);
  if (size > max) problems.push(`${field}: must be ${max} or fewer in length (got ${size})`);
  return size;
}

function checkEmbeds(problems: string[], embeds: Json[]): void {
  if (embeds.length > DISCORD_LIMITS.embeds) problems.push(`embeds: must be ${DISCORD_LIMITS.embeds} or fewer in length (got ${embeds.length})`);
  let total = 0;
  embeds.forEach((embed: Json, e: number) => {
    const at = `embeds.${e}`;
    total += checkText(problems, `${at}.title`, embed?.title, DISCORD_LIMITS.embedTitle);
    total += checkText(problems, `${at}.description`, embed?.description, DISCORD_LIMITS.embedDescription);
    total += checkText(problems, `${at}.footer.text`, embed?.footer?.text, DISCORD_LIMITS.footerText);
    total += checkText(problems, `${at}.author.name`, embed?.author?.name, DISCORD_LIMITS.authorName);
    const fields: Json[] = Array.isArray(embed?.fields) ? embed.fields : [];
    if (fields.length > DISCORD_LIMITS.embedFields) problems.push(`${at}.fields: must be ${DISCORD_LIMITS.embedFields} or fewer in length (got ${fields.length})`);
    fields.forEach((f: Json, i: number) => {
      total += checkText(problems, `${at}.fields.${i}.name`, f?.name, DISCORD_LIMITS.fieldName, true);
      total += checkText(problems, `${at}.fields.${i}.value`, f?.value, DISCORD_LIMITS.fieldValue, true);
    });
  });
  if (total > DISCORD_LIMITS.embedTotal) problems.push(`embeds: the embeds' text must be ${DISCORD_LIMITS.embedTotal} or fewer characters in total (got ${total})`);
}

function checkComponents(problems: string[], rows: Json[]): void {
  if (rows.length > DISCORD_LIMITS.actionRows) problems.push(`components: must be ${DISCORD_LIMITS.actionRows} or fewer in length (got ${rows.length})`);
  const ids = new Set<string>();
  rows.forEach((row: Json, r: number) => {
    const at = `components.${r}`;
    if (row?.type !== 1) problems.push(`${at}.type: top-level components must be action rows (type 1)`);
    const children: Json[] = Array.isArray(row?.components) ? row.components : [];
    const selects = children.filter((c) => [3, 5, 6, 7, 8].includes(c?.type)).length;
    if (children.length === 0) problems.push(`${at}.components: must be 1 or more in length`);
    if (selects > 0 && children.length > 1) problems.push(`${at}.components: a select menu must be alone in its row`);
    if (children.length > DISCORD_LIMITS.buttonsPerRow) problems.push(`${at}.components: must be ${DISCORD_LIMITS.buttonsPerRow} or fewer in length (got ${children.length})`);
    children.forEach((c: Json, i: number) => {
      const field = `${at}.components.${i}`;
      const isLink = c?.type === 2 && c?.style === 5;
      if (!isLink) {
        checkText(problems, `${field}.custom_id`, c?.custom_id, DISCORD_LIMITS.customId, true);
        if (typeof c?.custom_id === 'string') {
          if (ids.has(c.custom_id)) problems.push(`${field}.custom_id: component custom id cannot be duplicated`);
          ids.add(c.custom_id);
        }
      }
      if (c?.type === 2) checkText(problems, `${field}.label`, c?.label, DISCORD_LIMITS.buttonLabel);
      if (c?.type === 3) {
        const options: Json[] = Array.isArray(c?.options) ? c.options : [];
        if (options.length === 0 || options.length > DISCORD_LIMITS.selectOptions) {
          problems.push(`${field}.options: must be between 1 and ${DISCORD_LIMITS.selectOptions} in length (got ${options.length})`);
        }
        checkText(problems, `${field}.placeholder`, c?.placeholder, DISCORD_LIMITS.selectPlaceholder);
        options.forEach((o: Json, k: number) => {
          checkText(problems, `${field}.options.${k}.label`, o?.label, DISCORD_LIMITS.optionLabel, true);
          checkText(problems, `${field}.options.${k}.value`, o?.value, DISCORD_LIMITS.optionValue, true);
          checkText(problems, `${field}.options.${k}.description`, o?.description, DISCORD_LIMITS.optionDescription);
        });
      }
    });
  });
}

/** Problems with a message payload (a channel message, a reply, an edit, a follow-up); empty when Discord would take it. */
export function messageProblems(body: Json): string[] {
  const problems: string[] = [];
  if (!body || typeof body !== 'object') return problems;
  checkText(problems, 'content', body.content, DISCORD_LIMITS.content);
  if (Array.isArray(body.embeds)) checkEmbeds(problems, body.embeds);
  if (Array.isArray(body.components)) checkComponents(problems, body.components);
  return problems;
}

/** Problems with autocomplete choices (an interaction response of type 8). */
export function choiceProblems(data: Json): string[] {
  const problems: string[] = [];
  const choices: Json[] = Array.isArray(data?.choices) ? data.choices : [];
  if (choices.length > DISCORD_LIMITS.autocompleteChoices) problems.push(`choices: must be ${DISCORD_LIMITS.autocompleteChoices} or fewer in length (got ${choices.length})`);
  choices.forEach((c: Json, i: number) => {
    checkText(problems, `choices.${i}.name`, c?.name, DISCORD_LIMITS.choiceName, true);
    if (typeof c?.value === 'string') checkText(problems, `choices.${i}.value`, c.value, DISCORD_LIMITS.choiceValue);
  });
  return problems;
}

/** Problems with a modal (an interaction response of type 9): title, at most five rows of one text input each. */
export function modalProblems(data: Json): string[] {
  const problems: string[] = [];
  checkText(problems, 'title', data?.title, DISCORD_LIMITS.modalTitle, true);
  checkText(problems, 'custom_id', data?.custom_id, DISCORD_LIMITS.customId, true);
  const rows: Json[] = Array.isArray(data?.components) ? data.components : [];
  if (rows.length === 0 || rows.length > DISCORD_LIMITS.modalRows) problems.push(`components: must be 1 to ${DISCORD_LIMITS.modalRows} in length (got ${rows.length})`);
  const ids = new Set<string>();
  rows.forEach((row: Json, r: number) => {
    const inputs: Json[] = Array.isArray(row?.components) ? row.components : [];
    if (row?.type !== 1 || inputs.length !== 1 || inputs[0]?.type !== 4) problems.push(`components.${r}: must be an action row holding one text input`);
    const input = inputs[0];
    const at = `components.${r}.components.0`;
    checkText(problems, `${at}.custom_id`, input?.custom_id, DISCORD_LIMITS.customId, true);
    if (ids.has(input?.custom_id)) problems.push(`${at}.custom_id: must be unique within the modal`);
    ids.add(input?.custom_id);
    checkText(problems, `${at}.label`, input?.label, DISCORD_LIMITS.textInputLabel, true);
    checkText(problems, `${at}.value`, input?.value, DISCORD_LIMITS.textInputValue);
    checkText(problems, `${at}.placeholder`, input?.placeholder, DISCORD_LIMITS.textInputPlaceholder);
    if (typeof input?.max_length === 'number' && (input.max_length < 1 || input.max_length > DISCORD_LIMITS.textInputValue)) problems.push(`${at}.max_length: must be 1 to ${DISCORD_LIMITS.textInputValue}`);
  });
  return problems;
}

/** Problems with an interaction response body (types 4 and 7 carry a message; 8 carries choices; 9 is a modal; others pass here). */
export function interactionResponseProblems(body: Json): string[] {
  if (body?.type === 4 || body?.type === 7) return messageProblems(body.data);
  if (body?.type === 8) return choiceProblems(body.data);
  if (body?.type === 9) return modalProblems(body.data);
  return [];
}
