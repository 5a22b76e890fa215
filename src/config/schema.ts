import { z } from "zod";
import { compileGlob, MAX_GLOB_LENGTH } from "../core/glob.js";
import { compileUserRegex, MAX_PATTERN_LENGTH } from "../core/user-regex.js";

/**
 * The one schema for `.github/intent.yml`. Every key has a default, so `parse({})`
 * yields a complete config; objects are strict so a misspelt key is reported
 * instead of silently ignored. Nested objects use `.prefault({})` because zod 4's
 * `.default()` would not fill the nested defaults.
 */

const label = z.string().trim().min(1).max(50);
/** Lists a person writes by hand; a longer one is a mistake or an attack, and each item costs time per event. */
const MAX_LIST = 100;
const words = z.array(z.string().min(1).max(200)).max(MAX_LIST);

/** Regular expressions run on RE2 (linear time); one RE2 cannot compile is refused here with its reason. */
const regExpSource = z
  .string()
  .min(1)
  .max(MAX_PATTERN_LENGTH)
  .superRefine((source, ctx) => {
    const compiled = compileUserRegex(source);
    if (!compiled.ok) ctx.addIssue({ code: "custom", message: `a regular expression in RE2 syntax (no lookaround or backreferences); this one fails: ${compiled.reason}` });
  });

/** Globs with `*`, `?` and `**` only (`src/core/glob.ts`); what other glob dialects add is refused rather than taken literally. */
const glob = z
  .string()
  .min(1)
  .max(MAX_GLOB_LENGTH)
  .superRefine((pattern, ctx) => {
    const unsupported = unsupportedGlobSyntax(pattern) ?? (compileGlob(pattern).ok ? undefined : "it cannot be compiled");
    if (unsupported) ctx.addIssue({ code: "custom", message: `a glob using \`*\`, \`?\` and \`**\` only (${unsupported}; escape a literal character with \`\\\`)` });
  });
const globList = z.array(glob).max(MAX_LIST);

function unsupportedGlobSyntax(pattern: string): string | undefined {
  if (pattern.startsWith("!")) return "`!` negation is not supported";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") i++;
    else if (ch === "[" || ch === "]") return "`[ ]` character classes are not supported";
    else if (ch === "{" || ch === "}") return "`{ }` braces are not supported";
  }
  return undefined;
}

export const permissionLevels = ["read", "triage", "write", "maintain", "admin"] as const;
export const permissionLevel = z.enum(permissionLevels);
export type PermissionLevel = z.infer<typeof permissionLevel>;

/**
 * Nouns naming a group of people: with a qualifier ("screen reader users", "customers on EU Cloud") a sentence naming one states the who.
 * Not "editors": in a code project's tracker it names the software more often than people ("editors with autofix-on-save").
 */
export const DEFAULT_WHO_NOUNS = [
  "users", "customers", "admins", "administrators", "developers", "devs", "operators", "maintainers", "teams", "contributors", "people",
  "engineers", "designers", "reviewers", "readers", "viewers", "members", "owners", "buyers", "sellers", "merchants", "clients",
  "subscribers", "visitors", "students", "teachers", "researchers", "analysts", "authors", "creators", "players",
  "employees", "managers", "partners", "newcomers", "beginners", "translators", "integrators", "consumers", "agents",
];

/** `who` as it was (a list of aliases), or an object that also configures the who read from prose. */
const whoObject = z.strictObject({
  aliases: words.min(1).default(["who", "users", "audience", "customer", "customers", "persona", "personas", "stakeholders", "target users", "affected users"]),
  prose: z.boolean().default(true),
  nouns: words.default(DEFAULT_WHO_NOUNS),
});

const intentSection = z
  .strictObject({
    enabled: z.boolean().default(true),
    issues: z.boolean().default(true),
    pullRequests: z.boolean().default(true),
    label: label.default("needs-intent"),
    minWords: z.number().min(1).max(100).int().default(3),
    why: words
      .min(1)
      .default(["why", "motivation", "problem", "context", "goal", "rationale", "justification", "use case", "use cases", "pitch", "purpose", "reason", "benefit", "benefits", "background", "impact"]),
    who: z.union([whoObject, words.min(1).transform((aliases) => whoObject.parse({ aliases }))], {
        error: "a list of headings and labels (at least one), or an object with `aliases`, `prose` and `nouns`",
      })
      .prefault({}),
    placeholders: z.array(z.string().max(200)).max(MAX_LIST).default(["tbd", "n/a", "na", "todo", "-", "...", "…", "tba", "none", "no response"]),
    /** Statements that are only these phrases (with links and small words) give no reason. */
    filler: words.default(["would be nice", "nice to have", "would be great", "would be cool", "would be useful", "see above", "see below", "as discussed", "see title", "same as title", "+1", "self explanatory", "obviously", "why not", "because", "needed",
      // Praise without a consequence: "It will make the tool better.", "That would be nice and helpful."
      "better", "nicer", "nice", "helpful", "useful", "great", "cool", "awesome", "good", "handy", "convenient", "improvement", "improve", "improves", "enhancement", "easier", "user friendly", "ergonomic", "intuitive", "cleaner", "simpler", "friendlier", "elegant", "me too", "same here",
      // A vote in other words: "Same as #14420, would love this too".
      "would love", "would be fun", "would be welcome", "fun"]),
    exempt: z
      .strictObject({
        bots: z.boolean().default(true),
        labels: z.array(label).max(MAX_LIST).default(["dependencies"]),
        titlePatterns: z.array(regExpSource).max(MAX_LIST).default([]),
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
              .max(MAX_LIST)
              .default(["\\b[A-Z][A-Z0-9]{1,9}-[1-9][0-9]*\\b", "https://linear\\.app/[\\w-]+/issue/[A-Z0-9]+-[0-9]+"]),
          })
          .prefault({}),
      })
      .prefault({}),
  })
  .prefault({})
  // `who` keeps meaning the aliases (phases and the CLI read it so); its prose settings are their own key.
  .transform(({ who, ...intent }) => ({ ...intent, who: who.aliases, whoProse: { enabled: who.prose, nouns: who.nouns } }));

const hacksSection = z
  .strictObject({
    enabled: z.boolean().default(true),
    label: label.default("hack"),
    debtLabel: label.default("rebuild-debt"),
    titlePrefixes: words.default(["[hack]", "hack:"]),
    createDebtIssue: z.boolean().default(true),
    replaceUnusableDebtIssue: z.boolean().default(false),
    codeMarker: z.string().min(1).max(100).default("HACK:"),
    permission: permissionLevel.default("write"),
  })
  .prefault({});

const signoffSection = z
  .strictObject({
    enabled: z.boolean().default(true),
    minTeams: z.number().min(1).max(MAX_LIST).int().default(2),
    authorTeamsSignedOff: z.boolean().default(true),
    staleOnPush: z.boolean().default(true),
    requestReviews: z.boolean().default(true),
    teams: z
      .record(z.string().max(200).regex(/^@?[\w.-]+\/[\w.-]+$/, "a team as @org/team"), globList)
      .refine((teams) => Object.keys(teams).length <= MAX_LIST, `at most ${MAX_LIST} teams`)
      .default({}),
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
    /** How the outstanding table is ranked: by the return on repaying each item, or as before ROI (overdue, interest, age). */
    sort: z.enum(["return", "priority"]).default("return"),
    /** The weekly cost of carrying each hack, from which its payback is computed (docs/dashboard.md). */
    roi: z
      .strictObject({
        weeks: z.number().min(1).max(104).int().default(12),
        hoursPerChange: z.number().min(0).max(1_000).default(2),
        hoursPerBug: z.number().min(0).max(1_000).default(4),
        // Each label costs the refresh one search.
        bugLabels: z.array(label).max(10).default(["bug"]),
      })
      .prefault({}),
    /** Read from the organisation's `.github` repository only. */
    org: z
      .strictObject({
        enabled: z.boolean().default(false),
        title: z.string().trim().min(1).max(200).default("Hack-to-rebuild debt across the organisation"),
      })
      .prefault({}),
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
