/**
 * What start-up learns from GET /gateway/bot, checked before anything relies on it, and the one error start-up
 * raises when Discord (or the proxy DISCORD_API_URL names) cannot be used: its message says what to check.
 */
import type { Client } from 'discord.js';
import { z } from 'zod';

/** Start-up could not reach or use Discord; the message says what to check. */
export class DiscordStartError extends Error {
  override readonly name = 'DiscordStartError';
}

/** What start-up needs from GET /gateway/bot. */
export interface GatewayBot {
  url: string;
  shards: number;
  maxConcurrency: number;
}

const gatewayBotSchema = z.object({
  url: z.string().regex(/^wss?:\/\//),
  shards: z.number().int().min(1),
  session_start_limit: z.object({ total: z.number(), remaining: z.number(), reset_after: z.number(), max_concurrency: z.number().int().min(1) }),
});

/** A short description of a body that is not the JSON Discord sends, for the error message. */
function describeBody(body: unknown): string {
  const text = body instanceof ArrayBuffer ? new TextDecoder().decode(body.slice(0, 200)) : typeof body === 'string' ? body.slice(0, 200) : undefined;
  if (text !== undefined) return /^\s*</.test(text) ? 'an HTML page' : text.trim() ? 'text that is not JSON' : 'an empty body';
  return 'JSON without the url, shards and session_start_limit fields';
}

/** Reads a GET /gateway/bot answer; anything but Discord's JSON is a DiscordStartError naming DISCORD_API_URL. */
export function readGatewayBot(body: unknown, apiUrl: string): GatewayBot {
  const parsed = gatewayBotSchema.safeParse(body);
  if (!parsed.success) {
    throw new DiscordStartError(
      `GET /gateway/bot on ${apiUrl} answered with ${describeBody(body)}, not Discord's gateway information. Check DISCORD_API_URL: it must be Discord's REST base (https://discord.com/api) or a proxy of it.`,
    );
  }
  const { url, shards, session_start_limit: limit } = parsed.data;
  return { url, shards, maxConcurrency: limit.max_concurrency };
}

/** Makes the client's own GET /gateway/bot fail with a DiscordStartError when the answer is not Discord's JSON. */
export function checkGatewayAnswers(client: Client, apiUrl: string): void {
  const rest = client.rest;
  const get = rest.get.bind(rest);
  rest.get = async (route, options) => {
    const body = await get(route, options);
    if (route === '/gateway/bot') readGatewayBot(body, apiUrl);
    return body;
  };
}
