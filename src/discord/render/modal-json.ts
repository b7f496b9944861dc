/** Renders a ModalSpec as Discord's modal JSON, within every Discord limit on modals. */
import type { APIModalInteractionResponseCallbackData } from 'discord.js';
import { ComponentType, TextInputStyle } from '../discord-js.ts';
import { clip } from '../../core/clip.ts';
import type { ModalSpec } from '../../commands/command-kit.ts';

/** Discord's limits on a modal and its text inputs. */
export const MODAL_LIMITS = { title: 45, fields: 5, customId: 100, label: 45, value: 4000, placeholder: 100 };

/** An id over Discord's limit is a bug in the command that made it (clipping would route the submission nowhere). */
function checkedId(id: string): string {
  if (id.length > MODAL_LIMITS.customId) throw new Error(`modal custom id too long (${id.length} > ${MODAL_LIMITS.customId}): ${id.slice(0, 40)}…`);
  return id;
}

/** The modal JSON: the first five fields, each a one-line text input in its own row, text clipped to the limits. */
export function modalJson(modal: ModalSpec): APIModalInteractionResponseCallbackData {
  return {
    custom_id: checkedId(modal.id),
    title: clip(modal.title, MODAL_LIMITS.title),
    components: modal.fields.slice(0, MODAL_LIMITS.fields).map((field) => ({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.TextInput,
          custom_id: checkedId(field.id),
          label: clip(field.label, MODAL_LIMITS.label),
          style: TextInputStyle.Short,
          required: field.required ?? false,
          max_length: Math.min(field.maxLength ?? MODAL_LIMITS.value, MODAL_LIMITS.value),
          ...(field.value ? { value: clip(field.value, Math.min(field.maxLength ?? MODAL_LIMITS.value, MODAL_LIMITS.value)) } : {}),
          ...(field.placeholder ? { placeholder: clip(field.placeholder, MODAL_LIMITS.placeholder) } : {}),
        },
      ],
    })),
  };
}
