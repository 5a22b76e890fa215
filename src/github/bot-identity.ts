import type { Probot } from "probot";

/**
 * The login of the app's own bot account (`<slug>[bot]`), learned once from
 * `GET /app`. Markers are trusted only in text this account wrote.
 */
export function botIdentity(app: Probot): () => Promise<string> {
  let login: Promise<string> | undefined;
  return () => {
    login ??= (async () => {
      const octokit = await app.auth();
      const { data } = await octokit.rest.apps.getAuthenticated();
      if (!data?.slug) throw new Error("GET /app returned no slug");
      return `${data.slug}[bot]`;
    })().catch((error: unknown) => {
      login = undefined;
      throw error;
    });
    return login;
  };
}
