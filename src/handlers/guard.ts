import type { Context } from "probot";
import type { EmitterWebhookEventName } from "@octokit/webhooks";
import type { Services } from "../github/services.js";

export type Handler<E extends EmitterWebhookEventName> = (context: Context<E>, services: Services) => Promise<void>;

/**
 * No handler may throw out of the app: an error is logged with the delivery
 * (Probot's per-event logger carries its id) and the other features still run.
 */
export function guard<E extends EmitterWebhookEventName>(name: string, services: Services, handler: Handler<E>) {
  return async (context: Context<E>): Promise<void> => {
    try {
      await handler(context, services);
    } catch (error) {
      context.log.error({ err: error, handler: name }, "handler failed");
    }
  };
}
