import { readFileSync } from "node:fs";

/**
 * The held-out intent corpus: bodies written against templates modelled on
 * real projects' (repos/<name>/ holds each repository's templates at the
 * paths GitHub reads), each with what a careful reader finds in it. No test
 * reads these bodies: they measure the check, they do not tune it.
 */
export interface CorpusCase {
  body: string;
  /** The directory under repos/ whose templates apply ("none": a repository without templates). */
  repo: string;
  kind: "issue" | "pr";
  title: string;
  /** Whether a careful reader finds a why, and a who. */
  why: boolean;
  who: boolean;
}

export const CORPUS = new URL("./", import.meta.url);
export const cases = JSON.parse(readFileSync(new URL("cases.json", CORPUS), "utf8")) as CorpusCase[];
export const bodyOf = (c: CorpusCase) => readFileSync(new URL(`bodies/${c.body}`, CORPUS), "utf8");
export const repoDir = (c: CorpusCase) => new URL(`repos/${c.repo}/`, CORPUS).pathname;

export interface Agreement {
  both: number;
  why: number;
  who: number;
  total: number;
  /** The bodies where the check and the reader differ, with what the check found. */
  misses: string[];
}

/** How often a judge agrees with the reader, per field and on both at once. */
export async function agreement(judge: (c: CorpusCase) => Promise<{ why: boolean; who: boolean }>): Promise<Agreement> {
  const result: Agreement = { both: 0, why: 0, who: 0, total: cases.length, misses: [] };
  for (const c of cases) {
    const found = await judge(c);
    const why = found.why === c.why;
    const who = found.who === c.who;
    result.why += Number(why);
    result.who += Number(who);
    result.both += Number(why && who);
    if (!why || !who) result.misses.push(`${c.body}: why ${found.why} (reader ${c.why}), who ${found.who} (reader ${c.who})`);
  }
  return result;
}
