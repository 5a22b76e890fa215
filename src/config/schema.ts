import { z } from "zod";

/**
 * The one schema for `.github/intent.yml`. Every key has a default, so `parse({})`
 * yields a complete config; objects are strict so a misspelt key is reported
 * instead of silently ignored. Nested objects use `.prefault({})` because zod 4's
 * `.default()` would not fill the nested defaults.
 */

const label = z.string().trim().min(1).max(50);

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
const regExpSource = z.string().min(1).refine(isRegExp, "a valid JavaScript regular expression");
const globList = z.array(z.string().min(1));

export const permissionLevels = ["read", "triage", "write", "maintain", "admin"] as const;
export const permissionLevel = z.enum(permissionLevels);
export type PermissionLevel = z.infer<typeof permissionLevel>;

const intentSection = z
  .strictObject({
    enabled: z.boolean().default(true),
    issues: z.boolean().default(true),
    pullRequests: z.boolean().default(true),
    label: label.default("needs-intent"),
    minWords: z.number().int().min(1).max(100).default(3),
    why: z.array(z.string().min(1)).min(1).default(["why", "motivation", "problem", "context", "goal"]),
    who: z.array(z.string().min(1)).min(1).default(["who", "users", "audience", "customer", "persona"]),
    placeholders: z.array(z.string()).default(["tbd", "n/a", "na", "todo", "-", "...", "…", "tba", "none", "no response"]),
    exempt: z
      .strictObject({
        bots: z.boolean().default(true),
        labels: z.array(label).default(["dependencies"]),
        titlePatterns: z.array(regExpSource).default([]),
      })
      .prefault({}),
    tickets: z
      .strictObject({
        inherit: z.boolean().default(true),
        external: z
          .strictObject({
            enabled: z.boolean().default(false),
            patterns: z
              .array(regExpSource)
              .default(["\\b[A-Z][A-Z0-9]{1,9}-[1-9][0-9]*\\b", "https://linear\\.app/[\\w-]+/issue/[A-Z0-9]+-[0-9]+"]),
          })
          .prefault({}),
      })
      .prefault({}),
  })
  .prefault({});

const hacksSection = z
  .strictObject({
    enabled: z.boolean().default(true),
    label: label.default("hack"),
    debtLabel: label.default("rebuild-debt"),
    titlePrefixes: z.array(z.string().min(1)).default(["[hack]", "hack:"]),
    createDebtIssue: z.boolean().default(true),
    replaceUnusableDebtIssue: z.boolean().default(false),
    codeMarker: z.string().min(1).default("HACK:"),
    permission: permissionLevel.default("write"),
  })
  .prefault({});

const signoffSection = z
  .strictObject({
    enabled: z.boolean().default(true),
    minTeams: z.number().int().min(1).default(2),
    authorTeamsSignedOff: z.boolean().default(true),
    staleOnPush: z.boolean().default(true),
    requestReviews: z.boolean().default(true),
    teams: z.record(z.string().regex(/^@?[\w.-]+\/[\w.-]+$/, "a team as @org/team"), globList).default({}),
  })
  .prefault({});

const phasesSection = z
  .strictObject({
    enabled: z.boolean().default(true),
    label: label.default("phase"),
    permission: permissionLevel.default("triage"),
  })
  .prefault({});

const dashboardSection = z
  .strictObject({
    enabled: z.boolean().default(true),
    title: z.string().trim().min(1).max(200).default("Hack-to-rebuild debt dashboard"),
    label: label.default("intent-dashboard"),
    permission: permissionLevel.default("triage"),
  })
  .prefault({});

export const configSchema = z.strictObject({
  mode: z.enum(["advise", "enforce"]).default("advise"),
  intent: intentSection,
  hacks: hacksSection,
  signoff: signoffSection,
  phases: phasesSection,
  dashboard: dashboardSection,
});

export type Config = z.infer<typeof configSchema>;

export const defaultConfig: Config = configSchema.parse({});
