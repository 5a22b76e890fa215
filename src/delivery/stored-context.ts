import { Context, type Probot } from "probot";

/** A delivery kept to be handled later: by a queue worker, or after a restart. */
export interface StoredEvent {
  id: string;
  name: string;
  payload: unknown;
}

/** The Probot context of a stored delivery, with a client for its installation, as Probot would have built it. */
export async function storedContext(app: Probot, { id, name, payload }: StoredEvent): Promise<Context> {
  const installationId = (payload as { installation?: { id?: number } }).installation?.id;
  const octokit = await app.auth(installationId);
  return new Context({ id, name, payload } as never, octokit, app.log.child({ name: "event", id }));
}
