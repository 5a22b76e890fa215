/** Team names as `@org/team`, compared case-insensitively as GitHub does. */
export function normalizeTeam(name: string): string {
  const trimmed = name.trim();
  return (trimmed.startsWith("@") ? trimmed : `@${trimmed}`).toLowerCase();
}

export function isTeam(owner: string): boolean {
  return /^@[\w.-]+\/[\w.-]+$/.test(owner);
}

export function splitTeam(team: string): { org: string; slug: string } {
  const [org = "", slug = ""] = normalizeTeam(team).slice(1).split("/");
  return { org, slug };
}
