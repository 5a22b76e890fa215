import type { Context } from "probot";
import type { EmitterWebhookEventName } from "@octokit/webhooks";
import { protectRecords } from "../github/records.js";
import type { Services } from "../github/services.js";

export type Handler<E extends EmitterWebhookEventName> = (context: Context<E>, services: Services) => Promise<void>;

/**
 * No handler may throw out of the app: an error is logged with the delivery
 * (Probot's per-event logger carries its id) and the other features still run.
 * Records are opened before the handler sees anything and sealed on every
 * write (`github/records.ts`); if that fails, the handler does not run.
 */
export function guard<E extends EmitterWebhookEventName>(name: string, services: Services, handler: Handler<E>) {
  return async (context: Context<E>): Promise<void> => {
    try {
      protectRecords(context, services.recordKey);
      await handler(context, services);
    } catch (error) {
      context.log.error({ err: error, handler: name }, "handler failed");
    }
  };
}
