import type { LabelSpec } from "../core/labels.js";
import { isInvalid } from "./errors.js";
import type { Services } from "./services.js";
import type { GitHub, RepoRef } from "./types.js";

/** Creates the label with its colour and description when the repository lacks it. */
export function ensureLabel(octokit: GitHub, services: Pick<Services, "knownLabels">, { owner, repo }: RepoRef, label: LabelSpec): Promise<void> {
  const key = `${owner}/${repo}:${label.name}`.toLowerCase();
  return services.knownLabels.get(key, async () => {
    try {
      await octokit.rest.issues.createLabel({ owner, repo, ...label });
    } catch (error) {
      // 422 "already_exists" is the common case and means there is nothing to do.
      if (!isInvalid(error)) throw error;
    }
  });
}

export function hasLabel(current: readonly string[], name: string): boolean {
  return current.some((label) => label.toLowerCase() === name.toLowerCase());
}

export function labelNames(labels: readonly (string | { name?: string } | null)[] | undefined): string[] {
  return (labels ?? []).map((l) => (typeof l === "string" ? l : (l?.name ?? ""))).filter(Boolean);
}
