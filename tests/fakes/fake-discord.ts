/**
 * A local fake Discord for end-to-end tests: REST under /api/v10 and a JSON gateway, both on 127.0.0.1.
 * It drives the real discord.js client (pointed at it by DISCORD_API_URL), records every REST request, and lets a
 * test dispatch interactions and messages, drop the gateway, or answer a route with a 429.
 *
 * It is as strict as Discord where a bot can go wrong: an interaction token takes its first response within 3 s of
 * dispatch and follow-ups or edits for 15 min; a second acknowledgement gets 40060; what the bot sends is checked
 * against Discord's documented limits (tests/fakes/discord-limits.ts), and a breach fails the request with 50035 and
 * is kept in `violations`. The gateway is sharded: IDENTIFY's `shard` pair picks the guilds a session sees
 * ((guild_id >> 22) % shard_count) and the events it gets.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';
import { interactionResponseProblems, messageProblems } from './discord-limits.ts';

/** One REST request the bot made. */
export interface RecordedRequest {
  method: string;
  /** Path below /api/v10, decoded (`/interactions/1/tok/callback`, `/webhooks/app/tok/messages/@original`). */
  path: string;
  query: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary Discord JSON
  body: any;
  /** performance.now() when it arrived. */
  at: number;
  headers: IncomingMessage['headers'];
  /** Files of a multipart request (attachments), as text. */
  files?: RecordedFile[];
  /** The status the fake answered with (set once it has answered). */
  status?: number;
}

/** One file part of a multipart request. */
export interface RecordedFile {
  /** The form field, e.g. `files[0]`. */
  field: string;
  name: string;
  contentType: string;
  content: string;
}

/** A custom REST answer: status and JSON body (and extra headers), or a raw `text` body (an HTML error page). */
export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as it is instead of JSON, with the content type in `headers`. */
  text?: string;
}

/** Handles a route; return (or resolve to) undefined to fall through to the built-in behaviour. */
export type RouteHandler = (request: RecordedRequest) => FakeResponse | undefined | Promise<FakeResponse | undefined>;

/** A request the fake refused because it broke one of Discord's limits. */
export interface LimitViolation {
  method: string;
  path: string;
  /** One `field: message` line per broken limit. */
  problems: string[];
}

/** A guild the fake knows, with the one text channel it has. */
export interface FakeGuild {
  id: string;
  channelId: string;
  name: string;
  /** What @everyone (and so the bot) may do. @default '1024' (View Channel only) */
  everyonePermissions?: string;
  /** The channel Discord posts system messages in (the guild's one text channel when set). @default none */
  systemChannelId?: string;
}

/** A message the bot created in a channel (one per distinct nonce: a repeat with `enforce_nonce` returns the first). */
export interface CreatedMessage {
  id: string;
  channelId: string;
  nonce: string | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bot's JSON
  body: any;
}

/** How long an interaction token is good for, from its dispatch. */
export interface TokenLifetimes {
  /** The first response (reply, defer, update, autocomplete). @default 3000 */
  firstResponseMs: number;
  /** Follow-ups and edits through the webhook. @default 15 minutes */
  followUpMs: number;
}

/** The shard that owns a guild: (guild_id >> 22) % shard_count, as Discord routes it. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A user as Discord sends it. */
export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
  bot?: boolean;
}

/** Options for dispatching a slash command. */
export interface CommandInteractionInput {
  name: string;
  options?: { name: string; type: number; value?: string | number | boolean; options?: unknown[]; focused?: boolean }[];
  user?: FakeUser;
  guildId?: string | null;
  channelId?: string;
  /** Member permissions bitfield as a string. @default all */
  permissions?: string;
  /** 2 = slash command, 4 = autocomplete. @default 2 */
  type?: 2 | 4;
  /** Resolved entities Discord sends with the options (e.g. channels for a channel option). */
  resolved?: Record<string, unknown>;
}

/** Options for pressing a button or picking from a select menu on a message the bot sent. */
export interface ComponentInteractionInput {
  customId: string;
  /** 2 = button, 3 = string select. */
  componentType?: 2 | 3;
  values?: string[];
  user?: FakeUser;
  /** The message the component sits on (defaults to a minimal bot message). */
  message?: Record<string, unknown>;
  guildId?: string | null;
  channelId?: string;
}

/** Options for submitting a modal the bot showed. */
export interface ModalSubmitInput {
  /** The modal's custom id. */
  customId: string;
  /** Text input custom id → submitted value, in the modal's order. */
  fields: Record<string, string>;
  user?: FakeUser;
  /** The message whose button opened the modal, when it came from one. */
  message?: Record<string, unknown>;
  guildId?: string | null;
  channelId?: string;
}

/** The file parts of a multipart/form-data body. */
function multipartFiles(text: string, contentType: string): RecordedFile[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return [];
  return text.split(`--${marker}`).flatMap((part) => {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) return [];
    const head = part.slice(0, split);
    const disposition = /name="([^"]*)"; filename="([^"]*)"/.exec(head);
    if (!disposition) return [];
    const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? 'application/octet-stream';
    return [{ field: disposition[1] ?? '', name: disposition[2] ?? '', contentType: type, content: part.slice(split + 4).replace(/\r\n$/, '') }];
  });
}

const EPOCH = 1420070400000n;
let increment = 0n;
/** A fresh, increasing snowflake. */
export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return String(((BigInt(Date.now()) - EPOCH) << 22n) | increment);
}

/** Permissions bitfield with every permission set. */
export const ALL_PERMISSIONS = '2251799813685247';

/** The fake server. Create with startFakeDiscord(). */
export class FakeDiscord extends EventEmitter {
  readonly appId = '1100000000000000001';
  readonly botUser: FakeUser = { id: '1100000000000000001', username: 'Pump Coach', bot: true, global_name: null };
  readonly guildId = '1200000000000000001';
  readonly channelId = '1300000000000000001';
  readonly token = 'fake-bot-token.abcdefghijklmnop';
  /** Every REST request (unless recording is off). */
  readonly requests: RecordedRequest[] = [];
  /** Gateway opcodes received from the client, in order (2 identify, 6 resume, 1 heartbeat). */
  readonly gatewayOps: number[] = [];
  /** Whether REST requests are kept in `requests` (benchmarks turn this off to keep memory flat). */
  record = true;
  /** Commands stored by PUT, keyed by route. */
  readonly registered = new Map<string, unknown[]>();
  /** Requests refused for breaking a Discord limit; the e2e harness fails a test that leaves any. */
  readonly violations: LimitViolation[] = [];
  /** Messages created by POST /channels/{id}/messages. */
  readonly createdMessages: CreatedMessage[] = [];
  /** Every guild, the default one first; each shard's session sees its own. */
  readonly guilds = new Map<string, FakeGuild>();
  /** Token lifetimes; a test may shorten them. */
  readonly tokenLifetimes: TokenLifetimes = { firstResponseMs: 3000, followUpMs: 15 * 60_000 };
  /** What GET /gateway/bot recommends: `shards`, and `max_concurrency` (shards that may identify at once). */
  readonly gatewayBot = { shards: 1, maxConcurrency: 1 };
  private readonly routes: { method: string; pattern: RegExp; handler: RouteHandler }[] = [];
  private readonly sockets = new Set<WebSocket>();
  /** Gateway sessions by id (kept after a disconnect, for resume), and the session each socket identified. */
  private readonly sessions = new Map<string, GatewaySession>();
  private readonly sessionOf = new Map<WebSocket, GatewaySession>();
  /** Interaction tokens by token, in dispatch order (so expired ones are dropped from the front). */
  private readonly tokens = new Map<string, { id: string; channelId: string; at: number; acknowledged: boolean }>();
  private readonly nonces = new Map<string, CreatedMessage>();
  /** The DM channel opened with each user, by user id. */
  readonly dmChannels = new Map<string, string>();
  private nextGuildTime = 100_000_000_000n;
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private port = 0;

  constructor() {
    super();
    this.guilds.set(this.guildId, { id: this.guildId, channelId: this.channelId, name: 'Iron Temple' });
    this.setMaxListeners(0);
    this.server = createServer((req, res) => void this.handleHttp(req, res));
    this.server.keepAliveTimeout = 60_000;
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (socket) => this.handleSocket(socket));
  }

  /** Listens on an ephemeral port of 127.0.0.1. */
  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** The REST base to give the bot as DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** The gateway URL GET /gateway/bot returns. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Number of open gateway connections. */
  get connections(): number {
    return this.sockets.size;
  }

  /** Adds a guild (with one text channel) that the given shard of `shardCount` owns. */
  addGuild(options: { shard?: number; shardCount?: number; name?: string; everyonePermissions?: string } = {}): FakeGuild {
    const shard = options.shard ?? 0;
    const count = BigInt(options.shardCount ?? 1);
    while (this.nextGuildTime % count !== BigInt(shard)) this.nextGuildTime += 1n;
    const id = String((this.nextGuildTime << 22n) | 1n);
    this.nextGuildTime += 1n;
    const guild: FakeGuild = { id, channelId: snowflake(), name: options.name ?? `Gym ${this.guilds.size + 1}`, everyonePermissions: options.everyonePermissions };
    this.guilds.set(id, guild);
    return guild;
  }

  /** The text channel of a guild (the default channel for an unknown or absent guild). */
  channelOf(guildId: string | null | undefined): string {
    return (guildId && this.guilds.get(guildId)?.channelId) || this.channelId;
  }

  /** Adds a route handler (checked before the built-in routes; newest first). */
  route(method: string, pattern: RegExp, handler: RouteHandler): () => void {
    const entry = { method: method.toUpperCase(), pattern, handler };
    this.routes.unshift(entry);
    return () => {
      const i = this.routes.indexOf(entry);
      if (i >= 0) this.routes.splice(i, 1);
    };
  }

  /** The next `times` requests matching the route get a 429 with retry_after seconds. */
  rateLimitNext(method: string, pattern: RegExp, retryAfterSeconds: number, times = 1): void {
    let left = times;
    const remove = this.route(method, pattern, () => {
      if (left <= 0) return undefined;
      left -= 1;
      if (left === 0) remove();
      return {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
        headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-scope': 'user' },
      };
    });
  }

  /** Waits for a recorded (or future) request matching the predicate. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const found = this.requests.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('request', listener);
        reject(new Error('fake discord: timed out waiting for a request'));
      }, timeoutMs);
      const listener = (r: RecordedRequest) => {
        if (!predicate(r)) return;
        clearTimeout(timer);
        this.off('request', listener);
        resolve(r);
      };
      this.on('request', listener);
    });
  }

  /**
   * Sends a gateway dispatch to the session of the shard that owns its guild (`d.guild_id`; shard 0 without one),
   * kept for replay on resume. An interaction's token starts its clock here.
   */
  dispatch(t: string, d: unknown): void {
    const payload = d as { guild_id?: string; id?: string; token?: string; channel_id?: string } | null;
    if (t === 'INTERACTION_CREATE' && payload?.token && payload.id) this.issueToken(payload.token, payload.id, payload.channel_id ?? this.channelId);
    for (const session of this.sessions.values()) {
      if (payload?.guild_id ? shardOfGuild(payload.guild_id, session.shard[1]) !== session.shard[0] : session.shard[0] !== 0) continue;
      session.send(t, d);
    }
  }

  /** A guild member as interactions carry it. */
  memberFor(user: FakeUser, permissions = ALL_PERMISSIONS) {
    return {
      user: { discriminator: '0', avatar: null, global_name: null, ...user },
      roles: [],
      joined_at: '2025-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      permissions,
    };
  }

  private interactionBase(type: number, user: FakeUser, guildId: string | null, channelId: string, permissions = ALL_PERMISSIONS) {
    const id = snowflake();
    return {
      id,
      application_id: this.appId,
      type,
      token: `itoken-${id}`,
      version: 1,
      locale: 'en-US',
      app_permissions: ALL_PERMISSIONS,
      entitlements: [],
      authorizing_integration_owners: {},
      channel_id: channelId,
      channel: { id: channelId, type: 0, name: 'general', guild_id: guildId ?? undefined },
      ...(guildId ? { guild_id: guildId, guild_locale: 'en-US', member: this.memberFor(user, permissions) } : { user, context: 1 }),
    };
  }

  /** Dispatches a slash command; returns the interaction id and token. */
  command(input: CommandInteractionInput): { id: string; token: string } {
    const user = input.user ?? member('1400000000000000001', 'alice');
    const guildId = input.guildId === undefined ? this.guildId : input.guildId;
    const base = this.interactionBase(input.type ?? 2, user, guildId, input.channelId ?? this.channelOf(guildId), input.permissions);
    this.dispatch('INTERACTION_CREATE', {
      ...base,
      data: {
        id: snowflake(),
        name: input.name,
        type: 1,
        options: input.options ?? [],
        ...(guildId ? { guild_id: guildId } : {}),
        ...(input.resolved ? { resolved: input.resolved } : {}),
      },
    });
    return { id: base.id, token: base.token };
  }

  /** Dispatches a button press or select-menu choice; returns the interaction id and token. */
  component(input: ComponentInteractionInput): { id: string; token: string } {
    const user = input.user ?? member('1400000000000000001', 'alice');
    const guildId = input.guildId === undefined ? this.guildId : input.guildId;
    const channelId = input.channelId ?? this.channelOf(guildId);
    const base = this.interactionBase(3, user, guildId, channelId);
    this.dispatch('INTERACTION_CREATE', {
      ...base,
      message: input.message ?? this.messageObject({ channelId, content: '', author: this.botUser }),
      data: {
        custom_id: input.customId,
        component_type: input.componentType ?? 2,
        ...(input.componentType === 3 ? { values: input.values ?? [] } : {}),
      },
    });
    return { id: base.id, token: base.token };
  }

  /** Dispatches a modal submission (interaction type 5) with the given text inputs; returns the interaction id and token. */
  modalSubmit(input: ModalSubmitInput): { id: string; token: string } {
    const user = input.user ?? member('1400000000000000001', 'alice');
    const guildId = input.guildId === undefined ? this.guildId : input.guildId;
    const channelId = input.channelId ?? this.channelId;
    const base = this.interactionBase(5, user, guildId, channelId);
    this.dispatch('INTERACTION_CREATE', {
      ...base,
      ...(input.message ? { message: input.message } : {}),
      data: {
        custom_id: input.customId,
        components: Object.entries(input.fields).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] })),
      },
    });
    return { id: base.id, token: base.token };
  }

  /** Dispatches a guild message (e.g. one mentioning the bot); returns its id. */
  message(input: { content: string; user?: FakeUser; mentionsBot?: boolean; mentionEveryone?: boolean; channelId?: string }): string {
    const user = input.user ?? member('1400000000000000001', 'alice');
    const message = this.messageObject({
      channelId: input.channelId ?? this.channelId,
      content: input.content,
      author: user,
      mentions: input.mentionsBot === false ? [] : [{ discriminator: '0', avatar: null, ...this.botUser }],
      mentionEveryone: input.mentionEveryone ?? false,
    });
    this.dispatch('MESSAGE_CREATE', { ...message, guild_id: this.guildId, member: { ...this.memberFor(user), user: undefined } });
    return message.id as string;
  }

  /** A message object with every field discord.js reads. */
  messageObject(input: { id?: string; channelId: string; content: string; author: FakeUser; embeds?: unknown[]; components?: unknown[]; mentions?: unknown[]; mentionEveryone?: boolean; flags?: number; webhookId?: string }) {
    return {
      id: input.id ?? snowflake(),
      channel_id: input.channelId,
      author: { discriminator: '0', avatar: null, global_name: null, ...input.author },
      content: input.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: input.mentionEveryone ?? false,
      mentions: input.mentions ?? [],
      mention_roles: [],
      attachments: [],
      embeds: input.embeds ?? [],
      components: input.components ?? [],
      pinned: false,
      type: 0,
      flags: input.flags ?? 0,
      ...(input.webhookId ? { webhook_id: input.webhookId, application_id: this.appId } : {}),
    };
  }

  /** Drops every gateway connection as a network failure would (the client should resume). */
  dropGateway(): void {
    for (const socket of this.sockets) socket.terminate();
    // Dispatches from now on are only kept for the resume replay.
    this.sockets.clear();
    for (const session of this.sessions.values()) session.socket = undefined;
    this.sessionOf.clear();
  }

  /** The shard pairs of the sessions identified so far that still have a connection. */
  get connectedShards(): [number, number][] {
    return [...this.sessions.values()].filter((session) => session.socket).map((session) => session.shard);
  }

  /** Closes the server and every connection. Tear the client down first. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handleSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    const gone = () => {
      this.sockets.delete(socket);
      const session = this.sessionOf.get(socket);
      if (session?.socket === socket) session.socket = undefined;
      this.sessionOf.delete(socket);
    };
    socket.on('close', gone);
    socket.on('error', gone);
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
    socket.on('message', (raw) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- gateway frames are arbitrary JSON
      let frame: { op: number; d: any };
      try {
        frame = JSON.parse(String(raw));
      } catch {
        return;
      }
      this.gatewayOps.push(frame.op);
      this.emit('gateway', frame);
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) this.identify(socket, frame.d);
      if (frame.op === 6) this.resume(socket, frame.d);
    });
  }

  private identify(socket: WebSocket, d: { token?: string; shard?: [number, number] }): void {
    if (d.token !== this.token && d.token !== `Bot ${this.token}`) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    const shard: [number, number] = Array.isArray(d.shard) ? [Number(d.shard[0]), Number(d.shard[1])] : [0, 1];
    if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) {
      socket.close(4010, 'Invalid shard.');
      return;
    }
    // A new identify for a shard replaces its old session (a restarted process starts afresh).
    for (const [id, old] of this.sessions) if (old.shard[0] === shard[0] && old.shard[1] === shard[1]) this.sessions.delete(id);
    const session = new GatewaySession(`session-${Math.random().toString(36).slice(2)}`, shard, socket);
    this.sessions.set(session.id, session);
    this.sessionOf.set(socket, session);
    const mine = [...this.guilds.values()].filter((guild) => shardOfGuild(guild.id, shard[1]) === shard[0]);
    session.send('READY', {
      v: 10,
      user: { discriminator: '0', avatar: null, ...this.botUser },
      guilds: mine.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl,
      application: { id: this.appId, flags: 0 },
      shard,
    });
    for (const guild of mine) session.send('GUILD_CREATE', this.guildObject(guild));
    this.emit('identify', shard);
  }

  private resume(socket: WebSocket, d: { session_id?: string; seq?: number }): void {
    const session = d.session_id ? this.sessions.get(d.session_id) : undefined;
    if (!session) {
      socket.send(JSON.stringify({ op: 9, d: false }));
      return;
    }
    // Replay what the client missed while it was away, then confirm.
    session.socket = socket;
    this.sessionOf.set(socket, session);
    session.replayAfter(d.seq ?? 0);
    session.send('RESUMED', {}, false);
    this.emit('resumed');
  }

  /** A guild as GUILD_CREATE carries it (the default guild unless another is named). */
  guildObject(guild: FakeGuild = this.guilds.get(this.guildId) as FakeGuild) {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      owner_id: '1400000000000000099',
      system_channel_id: guild.systemChannelId ?? null,
      unavailable: false,
      member_count: 3,
      joined_at: '2025-01-01T00:00:00.000Z',
      large: false,
      features: [],
      premium_tier: 0,
      roles: [{ id: guild.id, name: '@everyone', permissions: guild.everyonePermissions ?? '1024', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      channels: [{ id: guild.channelId, type: 0, name: 'general', position: 0, permission_overwrites: [], guild_id: guild.id }],
      members: [{ ...this.memberFor(this.botUser), permissions: undefined }],
      emojis: [],
      stickers: [],
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname.replace(/^\/api(\/v\d+)?/, ''));
    let body: unknown = undefined;
    let files: RecordedFile[] | undefined;
    if (text) {
      if ((req.headers['content-type'] ?? '').includes('multipart/form-data')) {
        files = multipartFiles(text, req.headers['content-type'] ?? '');
        const json = /name="payload_json"\r\n(?:Content-Type: application\/json\r\n)?\r\n([\s\S]*?)\r\n--/.exec(text);
        body = json?.[1] ? JSON.parse(json[1]) : text;
      } else {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
    }
    const request: RecordedRequest = { method: req.method ?? 'GET', path, query: url.search, body, at: performance.now(), headers: req.headers, ...(files ? { files } : {}) };
    const reply = (r: FakeResponse) => {
      request.status = r.status;
      if (r.text !== undefined) {
        res.writeHead(r.status, r.headers);
        res.end(r.text);
        return;
      }
      // A 204 carries no body and so no JSON content type (the client would try to parse it).
      const empty = r.status === 204 || r.body === undefined;
      res.writeHead(r.status, { ...(empty ? {} : { 'content-type': 'application/json' }), ...r.headers });
      res.end(empty ? undefined : JSON.stringify(r.body));
    };
    for (const route of [...this.routes]) {
      if (route.method !== request.method || !route.pattern.test(path)) continue;
      const custom = await route.handler(request);
      if (custom) {
        if (this.record) this.requests.push(request);
        this.emit('request', request);
        reply(custom);
        return;
      }
    }
    if (this.record) this.requests.push(request);
    this.emit('request', request);
    reply(this.strict(request) ?? this.builtIn(request));
  }

  /** Starts an interaction token's clock. */
  private issueToken(token: string, id: string, channelId: string): void {
    const now = performance.now();
    // Tokens are dispatched in time order: drop the dead ones from the front, so the map stays small.
    for (const [old, entry] of this.tokens) {
      if (now - entry.at <= this.tokenLifetimes.followUpMs) break;
      this.tokens.delete(old);
    }
    this.tokens.set(token, { id, channelId, at: now, acknowledged: false });
  }

  /** Refuses what Discord would refuse: expired tokens, a second acknowledgement, limits broken. */
  private strict(r: RecordedRequest): FakeResponse | undefined {
    const callback = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(r.path);
    const webhook = /^\/webhooks\/\d+\/([^/]+)/.exec(r.path);
    if (callback && r.method === 'POST') {
      const entry = this.tokens.get(callback[2] ?? '');
      if (!entry || entry.id !== callback[1] || performance.now() - entry.at > this.tokenLifetimes.firstResponseMs) {
        return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
      }
      if (entry.acknowledged) return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
      const refused = this.checkLimits(r, interactionResponseProblems(r.body));
      if (refused) return refused;
      entry.acknowledged = true;
      return undefined;
    }
    if (webhook && webhook[1]?.startsWith('itoken-')) {
      const entry = this.tokens.get(webhook[1]);
      if (!entry || performance.now() - entry.at > this.tokenLifetimes.followUpMs) return { status: 401, body: { message: 'Invalid Webhook Token', code: 50027 } };
      if (!entry.acknowledged) return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
      if (r.method === 'POST' || r.method === 'PATCH') return this.checkLimits(r, messageProblems(r.body));
      return undefined;
    }
    if (r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path)) return this.checkLimits(r, messageProblems(r.body));
    return undefined;
  }

  /** A 50035 answer (and a recorded violation) when there are problems. */
  private checkLimits(r: RecordedRequest, problems: string[]): FakeResponse | undefined {
    if (problems.length === 0) return undefined;
    this.violations.push({ method: r.method, path: r.path, problems });
    this.emit('violation', this.violations.at(-1));
    const errors = Object.fromEntries(problems.map((p) => [p.slice(0, p.indexOf(':')), { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: p.slice(p.indexOf(':') + 2) }] }]));
    return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors } };
  }

  private builtIn(r: RecordedRequest): FakeResponse {
    const auth = r.headers.authorization;
    const needsAuth = !r.path.startsWith('/interactions/') && !r.path.startsWith('/webhooks/');
    if (needsAuth && auth !== `Bot ${this.token}`) return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    let m: RegExpExecArray | null;
    if (r.method === 'GET' && r.path === '/gateway/bot') {
      return {
        status: 200,
        body: { url: this.gatewayUrl, shards: this.gatewayBot.shards, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: this.gatewayBot.maxConcurrency } },
      };
    }
    if (r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path)) return { status: 204 };
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(r.path))) {
      if (r.method === 'DELETE') return { status: 204 };
      const body = (r.body ?? {}) as { content?: string; embeds?: unknown[]; components?: unknown[]; flags?: number };
      return {
        status: 200,
        body: this.messageObject({
          id: m[3] && m[3] !== '@original' ? m[3] : undefined,
          channelId: this.tokens.get(m[2] ?? '')?.channelId ?? this.channelId,
          content: body.content ?? '',
          author: this.botUser,
          embeds: body.embeds,
          components: body.components,
          flags: body.flags,
          webhookId: this.appId,
        }),
      };
    }
    if (r.method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(r.path))) {
      const body = (r.body ?? {}) as { content?: string; embeds?: unknown[]; components?: unknown[]; nonce?: string; enforce_nonce?: boolean };
      const channelId = m[1] ?? '';
      // With enforce_nonce, a repeat of a recent nonce returns the message already created instead of a second one.
      const repeat = body.enforce_nonce && body.nonce ? this.nonces.get(`${channelId}:${body.nonce}`) : undefined;
      const message = this.messageObject({ id: repeat?.id, channelId, content: body.content ?? '', author: this.botUser, embeds: body.embeds, components: body.components });
      if (!repeat) {
        const created: CreatedMessage = { id: message.id, channelId, nonce: body.nonce, body };
        this.createdMessages.push(created);
        if (body.nonce) this.nonces.set(`${channelId}:${body.nonce}`, created);
      }
      return { status: 200, body: { ...message, ...(body.nonce ? { nonce: body.nonce } : {}) } };
    }
    if (r.method === 'POST' && /^\/channels\/\d+\/typing$/.test(r.path)) return { status: 204 };
    if (r.method === 'PUT' && (m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(r.path))) {
      const list = (Array.isArray(r.body) ? r.body : []).map((c: Record<string, unknown>) => ({
        ...c,
        id: snowflake(),
        application_id: m?.[1],
        version: snowflake(),
        ...(m?.[2] ? { guild_id: m[2] } : {}),
      }));
      this.registered.set(r.path, list);
      return { status: 200, body: list };
    }
    if (r.method === 'POST' && r.path === '/users/@me/channels') {
      // A DM channel with the recipient (its messages go through POST /channels/{id}/messages like any other).
      const recipient = String((r.body as { recipient_id?: string } | undefined)?.recipient_id ?? '');
      this.dmChannels.set(recipient, this.dmChannels.get(recipient) ?? snowflake());
      return { status: 200, body: { id: this.dmChannels.get(recipient), type: 1, last_message_id: null, recipients: [{ id: recipient, username: `user${recipient.slice(-4)}`, discriminator: '0', avatar: null, global_name: null }] } };
    }
    if (r.method === 'GET' && r.path === '/users/@me') return { status: 200, body: { discriminator: '0', avatar: null, ...this.botUser } };
    return { status: 404, body: { message: `404: Not Found (${r.method} ${r.path})`, code: 0 } };
  }
}

/** One gateway session: a shard's sequence of dispatches, kept for replay on resume, and its socket while connected. */
class GatewaySession {
  private seq = 0;
  private readonly sent: { s: number; t: string; d: unknown }[] = [];
  constructor(
    readonly id: string,
    readonly shard: [number, number],
    public socket: WebSocket | undefined,
  ) {}

  /** Sends (or, while disconnected, only keeps) one dispatch. */
  send(t: string, d: unknown, keep = true): void {
    const s = ++this.seq;
    if (keep) {
      this.sent.push({ s, t, d });
      if (this.sent.length > 1000) this.sent.shift();
    }
    this.socket?.send(JSON.stringify({ op: 0, t, s, d }));
  }

  /** Replays the dispatches after `seq` to the (new) socket. */
  replayAfter(seq: number): void {
    for (const event of this.sent) if (event.s > seq) this.socket?.send(JSON.stringify({ op: 0, ...event }));
  }
}

/** A member of the test guild. */
export function member(id: string, username: string): FakeUser {
  return { id, username, global_name: null };
}

/** Starts a fake Discord on an ephemeral port of 127.0.0.1. */
export async function startFakeDiscord(): Promise<FakeDiscord> {
  return new FakeDiscord().listen();
}
