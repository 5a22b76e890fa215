import type { ProbotOctokit } from "probot";

/** The account the workflow token writes as, whose comments and issues the app trusts as its own. */
export const ACTIONS_BOT_SLUG = "github-actions";

/**
 * The app learns its bot login from `GET /app`, which only an app's JWT may
 * call. In a workflow the app writes as `github-actions[bot]`, so that one
 * call is answered here, without a request.
 */
export function actionsIdentity(octokit: Pick<InstanceType<typeof ProbotOctokit>, "hook">): void {
  octokit.hook.wrap("request", async (request, options) => {
    if (options.method === "GET" && options.url === "/app") {
      return { status: 200, url: "/app", headers: {}, data: { slug: ACTIONS_BOT_SLUG, name: ACTIONS_BOT_SLUG } };
    }
    return request(options);
  });
}
