import type { EmitterWebhookEventName } from "@octokit/webhooks";
import type { Context } from "probot";
import { protectRecords } from "../github/records.js";
import type { Services } from "../github/services.js";

export type Handler<E extends EmitterWebhookEventName> = (context: Context<E>, services: Services) => Promise<void>;

interface Route {
  name: string;
  events: ReadonlySet<string>;
  handler: (context: Context, services: Services) => Promise<void>;
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

  constructor(private readonly services: Services) {}

  on<E extends EmitterWebhookEventName>(events: E | readonly E[], name: string, handler: Handler<NoInfer<E>>): void {
    if (this.routes.some((route) => route.name === name)) throw new Error(`handler ${name} registered twice`);
    const list: readonly string[] = typeof events === "string" ? [events] : events;
    this.routes.push({ name, events: new Set(list), handler: handler as unknown as Route["handler"] });
  }

  /** Whether any handler listens to this event (`issues` or `issues.opened`). */
  handles(name: string, action: unknown): boolean {
    return this.routes.some((route) => matches(route, name, action));
  }

  /**
   * Runs every handler of the event that is not in `skip`, side by side as
   * Probot does. A failing handler is logged and reported, never thrown, so
   * the other features still run. Before any of them, the bot's records in
   * the payload are checked and every GitHub call of the event is set to
   * seal and check them (`github/records.ts`); if that fails, none runs.
   */
  async dispatch(context: Context, skip: ReadonlySet<string> = new Set()): Promise<DispatchResult> {
    const action = (context.payload as { action?: unknown }).action;
    const due = this.routes.filter((route) => matches(route, context.name, action) && !skip.has(route.name));
    if (due.length === 0) return { done: [...skip], failed: [] };
    try {
      protectRecords(context, this.services.recordKey);
    } catch (error) {
      context.log.error({ err: error }, "records could not be protected: no handler ran");
      return { done: [...skip], failed: due.map((route) => route.name) };
    }
    const outcomes = await Promise.all(
      due.map(async (route) => {
        try {
          await route.handler(context, this.services);
          return { name: route.name, ok: true };
        } catch (error) {
          context.log.error({ err: error, handler: route.name }, "handler failed");
          return { name: route.name, ok: false };
        }
      }),
    );
    return {
      done: [...skip, ...outcomes.filter((o) => o.ok).map((o) => o.name)],
      failed: outcomes.filter((o) => !o.ok).map((o) => o.name),
    };
  }
}

function matches(route: Route, name: string, action: unknown): boolean {
  return route.events.has(name) || (typeof action === "string" && route.events.has(`${name}.${action}`));
}
