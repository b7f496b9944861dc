/**
 * Interaction responses past the client-side global rate limit. Discord does not count a bot's interaction
 * callbacks and interaction webhooks (edits of the original reply, follow-ups) against its global limit, but
 * `@discordjs/rest` queues interaction webhooks behind its own 50-requests-a-second limiter with all other traffic,
 * so a burst of answers waits seconds for posts it has nothing to do with. Requests on an interaction route of this
 * application go through a second REST manager without that limiter; everything else keeps the client's.
 */
import type { Client, InternalRequest, RESTOptions } from 'discord.js';
import { REST } from './discord-js.ts';

/** Whether a route (`/interactions/{id}/{token}/callback`, `/webhooks/{appId}/{token}/…`) answers an interaction of `appId`. */
export function isInteractionRoute(route: string, appId: string | undefined): boolean {
  if (route.startsWith('/interactions/')) return true;
  // A webhook under the application's own id is an interaction token's webhook (ordinary webhooks have their own ids).
  return appId !== undefined && route.startsWith(`/webhooks/${appId}/`);
}

/** Events of the second manager that the bot logs, forwarded to the client's REST manager. */
const FORWARDED = ['rateLimited', 'restDebug', 'invalidRequestWarning'] as const;

/**
 * Sends the client's interaction responses through a REST manager of the same options but no global limit; the
 * application id is read when each request is made (it is known once the client has logged in).
 */
export function routeInteractionsPastGlobalLimit(client: Client, options: Partial<RESTOptions>): REST {
  const rest = client.rest;
  // Interaction routes take no bot token (`auth: false`), so the second manager never holds one.
  const direct = new REST({ ...options, globalRequestsPerSecond: Number.MAX_SAFE_INTEGER });
  for (const event of FORWARDED) direct.on(event, (...args: unknown[]) => (rest.emit as (name: string, ...rest: unknown[]) => boolean)(event, ...args));
  const queued = rest.queueRequest.bind(rest);
  rest.queueRequest = (request: InternalRequest) => (isInteractionRoute(request.fullRoute, client.application?.id ?? client.user?.id) ? direct.queueRequest(request) : queued(request));
  return direct;
}
