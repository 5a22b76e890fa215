import { permissionLevels, type PermissionLevel } from "../config/schema.js";
import { isMissing } from "./errors.js";
import type { DeliveryFacts } from "./facts.js";
import type { RepoRef } from "./types.js";

const rank = (level: string): number => permissionLevels.indexOf(level as PermissionLevel);

/**
 * Whether a user holds at least `minimum` on the repository. The API's
 * `permission` field folds triage into read and maintain into write, so the
 * finer `role_name` is preferred when it names a known level.
 */
export async function hasPermission(facts: DeliveryFacts, repo: RepoRef, username: string, minimum: PermissionLevel): Promise<boolean> {
  try {
    const data = await facts.permission(repo, username);
    const role = rank(data.role_name) >= 0 ? data.role_name : data.permission;
    return rank(role) >= rank(minimum);
  } catch (error) {
    // 404: not a collaborator at all.
    if (isMissing(error)) return false;
    throw error;
  }
}
