import type { IncomingMessage, ServerResponse } from "node:http";
import type { healthHandler } from "../../src/delivery/health.js";

/** Calls the handler as Probot's server would, and returns what it answered. */
export async function get(handler: ReturnType<typeof healthHandler>, url: string, method = "GET") {
  const answer: { handled?: boolean; status?: number; body?: string } = {};
  const res = {
    writeHead(status: number) {
      answer.status = status;
      return this;
    },
    end(body: string) {
      answer.body = body;
      return this;
    },
  } as unknown as ServerResponse;
  answer.handled = await handler({ method, url } as IncomingMessage, res);
  return answer;
}
