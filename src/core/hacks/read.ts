import { readDebtRecord, type DebtRecord } from "../debt/record.js";
import { cutDebtBody, type DebtBodyPiece } from "./debt.js";
import { declarationWaysOf, readHackBody, titleWithoutPrefix, type DeclarationWay, type HackBody } from "./declaration.js";
import { fieldsFromBody, withoutDebtLines, type HackFields } from "./fields.js";
import type { RepoRef } from "../repo.js";

/**
 * What the hack feature needs from a pull request's title and description,
 * read once per event in the parse worker (`parse/tasks.ts`): the decisions
 * in `plan.ts` take these values and parse nothing themselves, so they run
 * synchronously on the main thread.
 */
export interface HackText {
  /** The ways the title and description declare a hack (the label and `/hack` are read elsewhere). */
  ways: DeclarationWay[];
  /** The title without its hack prefix, for the debt issue's title. */
  title: string;
  body: HackBody;
  /** The fields the description states (`Debt:`, `Rebuild by:`, estimates). */
  fields: HackFields;
  /** The description without its `Debt:` lines, as the why/who are read from it: a debt issue is not the ticket a change is for. */
  intentBody: string;
}

export function readHackText(pr: { title: string; body: string | null | undefined }, prefixes: readonly string[], here: RepoRef): HackText {
  const body = readHackBody(pr.body);
  return {
    ways: declarationWaysOf(pr.title, prefixes, body),
    title: titleWithoutPrefix(pr.title, prefixes),
    body,
    fields: fieldsFromBody(pr.body, here),
    intentBody: withoutDebtLines(pr.body),
  };
}

/** A debt issue's body the app wrote (and people may edit), read once in the parse worker. */
export interface DebtBodyText {
  record?: DebtRecord | undefined;
  /** The body cut where the app writes into it, so that writing it is a join (`fillDebtBody`). */
  pieces: DebtBodyPiece[];
}

export function readDebtBody(body: string): DebtBodyText {
  return { record: readDebtRecord(body), pieces: cutDebtBody(body) };
}
