import { z } from "zod";
import { readDataMarker } from "../markers.js";
import { parseEstimate } from "./estimate.js";
import { MAX_NAME_LENGTH, MAX_PHASES, nameLength } from "./limits.js";
import { phasesSectionOf, phasesSlot, type PhasesSlot } from "./section.js";
import type { PhaseState } from "./types.js";

const positive = z.number().int().positive();

/** The hidden data of one phase: false flags and missing values are left out to keep the body small. */
const phaseData = z.object({
  number: positive,
  name: z.string().refine((name) => name.trim() !== "" && nameLength(name) <= MAX_NAME_LENGTH),
  /** Kept as written; the hours are worked out again on reading. */
  estimate: z.string().optional(),
  hack: z.boolean().optional(),
  done: z.boolean().optional(),
  issueNumber: positive.optional(),
  issueId: positive.optional(),
  debtIssueNumber: positive.optional(),
});
export type PhaseData = z.infer<typeof phaseData>;

const sectionData = z.object({
  v: z.literal(1),
  phases: z
    .array(phaseData)
    .max(MAX_PHASES)
    .refine((phases) => new Set(phases.map((phase) => phase.number)).size === phases.length),
});

/**
 * Whether the parent's body has a phases section the bot can read: `absent`
 * and `unreadable` both make `readPhasesState` return no phases, but only the
 * first means there are none (the second means someone broke the hidden data).
 */
export function phasesSectionStatus(body: string | null | undefined): "absent" | "readable" | "unreadable" {
  const section = phasesSectionOf(body);
  if (section === undefined) return "absent";
  return sectionData.safeParse(readDataMarker(section)).success ? "readable" : "unreadable";
}

/** A checklist line as `renderPhasesSection` writes it; people tick these boxes by hand. */
const CHECKLIST_LINE = /^- \[([ xX])\] (?:#\d+ )?Phase (\d+):/gm;

/**
 * The phases recorded in the parent issue's body, or none when it has no
 * readable phases section. A box ticked or cleared by hand wins over the
 * recorded `done`, so the next render keeps what people did.
 *
 * The parent body is written by people, not only by the bot, so this data can
 * be edited: check issue numbers against the parent's actual sub-issues
 * before acting on them.
 */
export function readPhasesState(body: string | null | undefined): PhaseState[] {
  const section = phasesSectionOf(body);
  if (section === undefined) return [];
  const parsed = sectionData.safeParse(readDataMarker(section));
  if (!parsed.success) return [];
  const ticked = new Map([...section.matchAll(CHECKLIST_LINE)].map((m) => [Number(m[2]), m[1] !== " "]));
  return parsed.data.phases
    .map((data) => {
      const estimate = data.estimate === undefined ? undefined : parseEstimate(data.estimate);
      return {
        number: data.number,
        name: data.name,
        hack: data.hack ?? false,
        done: ticked.get(data.number) ?? data.done ?? false,
        ...(estimate && { estimate }),
        ...(data.issueNumber && { issueNumber: data.issueNumber }),
        ...(data.issueId && { issueId: data.issueId }),
        ...(data.debtIssueNumber && { debtIssueNumber: data.debtIssueNumber }),
      };
    })
    .sort((a, b) => a.number - b.number);
}

const PLANNED_IN = /\[this comment\]\((https:\/\/[^\s()]+#issuecomment-\d+)\)/;

/** The comment the current plan came from, kept when `/phase done` or `/phase hack` rewrites the section. */
export function plannedIn(body: string | null | undefined): string | undefined {
  return PLANNED_IN.exec(phasesSectionOf(body) ?? "")?.[1];
}

/** What the decisions need of the parent's body, read from its text once, within the parse budget. */
export interface ParentSection {
  recorded: PhaseState[];
  section: "absent" | "readable" | "unreadable";
  /** The comment the recorded plan came from. */
  plannedIn?: string | undefined;
  /** Where the section goes, for writing it back. */
  slot: PhasesSlot;
}

export function readPhasesSection(body: string | null | undefined): ParentSection {
  const planned = plannedIn(body);
  return { recorded: readPhasesState(body), section: phasesSectionStatus(body), ...(planned && { plannedIn: planned }), slot: phasesSlot(body) };
}
