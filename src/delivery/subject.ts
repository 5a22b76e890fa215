/**
 * The thing a delivery is about — one issue or PR of one repository — so that
 * a queue runs the deliveries of one thing one at a time, in order.
 * Deliveries about no single issue or PR share their repository's key.
 */
export function subjectKey(payload: unknown): string {
  const p = (payload ?? {}) as {
    repository?: { id?: unknown };
    issue?: { number?: unknown };
    pull_request?: { number?: unknown };
    installation?: { id?: unknown };
  };
  const repo = p.repository?.id ?? `installation-${String(p.installation?.id ?? "none")}`;
  const number = p.issue?.number ?? p.pull_request?.number;
  return typeof number === "number" ? `${String(repo)}#${number}` : String(repo);
}
