import type { EmitterWebhookEventName } from "@octokit/webhooks";
import type { Context } from "probot";
import { DeliveryFacts } from "../github/facts.js";
import { openPayload } from "../github/records.js";
import type { Services, SharedServices } from "../github/services.js";

export type Handler<E extends EmitterWebhookEventName> = (context: Context<E>, services: Services) => Promise<void>;

interface Route {
  name: string;
  events: ReadonlySet<string>;
  handler: (context: Context, services: Services) => Promise<void>;
  echoes: boolean;
}

export interface RouteOptions {
  /**
   * Whether the handler also sees the app's own echoes: events whose sender
   * is the app's bot (its labels, comments and issues coming back as
   * webhooks). Off by default, so an echo costs no GitHub call; only a
   * feature that reacts to what another feature wrote turns it on.
   */
  echoes?: boolean;
}

export interface DispatchResult {
  /** Handlers that finished, by name (including those that had finished on an earlier attempt). */
  done: string[];
  /** Handlers that threw; each was logged with the delivery id. */
  failed: string[];
}

/**
 * Features register their handlers here, by name, instead of on Probot
 * directly, so that one delivery can be handled now (in memory) or later by
 * a queue worker, and a retry runs only the handlers that failed.
 */
export class EventRouter {
  private readonly routes: Route[] = [];

  constructor(private readonly services: SharedServices) {}

  on<E extends EmitterWebhookEventName>(events: E | readonly E[], name: string, handler: Handler<NoInfer<E>>, options: RouteOptions = {}): void {
    if (this.routes.some((route) => route.name === name)) throw new Error(`handler ${name} registered twice`);
    const list: readonly string[] = typeof events === "string" ? [events] : events;
    this.routes.push({ name, events: new Set(list), handler: handler as unknown as Route["handler"], echoes: options.echoes ?? false });
  }

  /** Whether any handler listens to this event (`issues` or `issues.opened`). */
  handles(name: string, action: unknown): boolean {
    return this.routes.some((route) => matches(route, name, action));
  }

  /**
   * Runs every handler of the event that is not in `skip`, side by side as
   * Probot does. A failing handler is logged and reported, never thrown, so
   * the other features still run. Before any of them, the bot's records in
   * the payload are opened (`github/records.ts`; the readers and writers of
   * GitHub open and seal the rest); if that fails, none runs.
   * The handlers share the event's facts (`github/facts.ts`): one object per delivery.
   * The app's own echoes reach only the handlers that asked for them.
   */
  async dispatch(context: Context, skip: ReadonlySet<string> = new Set()): Promise<DispatchResult> {
    const action = (context.payload as { action?: unknown }).action;
    const listening = this.routes.filter((route) => matches(route, context.name, action) && !skip.has(route.name));
    if (listening.length === 0) return { done: [...skip], failed: [] };
    let echo: boolean;
    try {
      echo = await this.isEcho(context.payload);
    } catch (error) {
      context.log.error({ err: error }, "the app's bot login could not be learned: no handler ran");
      return { done: [...skip], failed: listening.map((route) => route.name) };
    }
    const due = echo ? listening.filter((route) => route.echoes) : listening;
    const ignored = echo ? listening.filter((route) => !route.echoes).map((route) => route.name) : [];
    if (due.length === 0) return { done: [...skip, ...ignored], failed: [] };
    let services: Services;
    try {
      openPayload(context, this.services.recordKey);
      services = { ...this.services, facts: new DeliveryFacts(context.octokit, this.services.readCaches) };
    } catch (error) {
      context.log.error({ err: error }, "records could not be protected: no handler ran");
      return { done: [...skip, ...ignored], failed: due.map((route) => route.name) };
    }
    const outcomes = await Promise.all(
      due.map(async (route) => {
        try {
          await route.handler(context, services);
          return { name: route.name, ok: true };
        } catch (error) {
          context.log.error({ err: error, handler: route.name }, "handler failed");
          return { name: route.name, ok: false };
        }
      }),
    );
    return {
      done: [...skip, ...ignored, ...outcomes.filter((o) => o.ok).map((o) => o.name)],
      failed: outcomes.filter((o) => !o.ok).map((o) => o.name),
    };
  }

  /** Only a bot can be the app, so a person's event never waits for the login (learned once per instance). */
  private async isEcho(payload: object): Promise<boolean> {
    const sender = (payload as { sender?: { login?: unknown; type?: unknown } }).sender;
    if (sender?.type !== "Bot" || typeof sender.login !== "string") return false;
    return sender.login === (await this.services.botLogin());
  }
}

function matches(route: Route, name: string, action: unknown): boolean {
  return route.events.has(name) || (typeof action === "string" && route.events.has(`${name}.${action}`));
}
