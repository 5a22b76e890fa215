import { readFileSync } from "node:fs";

/**
 * The intent corpora, each held out until measured once: bodies written against real projects'
 * templates and templates modelled on them (repos/<name>/ holds each
 * repository's templates at the paths GitHub reads), each with what a careful
 * reader finds in it. No test reads these bodies: they measure the check, they
 * do not tune it. README.md says how the bodies were labelled; fresh/ is a
 * second set, in the same format, written after the first began to be used
 * for tuning, blind/ a third, written once both had been, holdout/ a
 * fourth, written once blind/ had been used for tuning too, fifth/ a
 * fifth, written once holdout/ had been, sixth/ a sixth, written once
 * fifth/ had been, and seventh/ a seventh, written once sixth/ had been; all
 * seven have since been used for tuning. eighth/ and ninth/ were written
 * once seventh/ had been, and have since been used for tuning too (round 9).
 * tenth/ and eleventh/ were written once they had been, and have since been
 * used for tuning too (round 10). twelfth/ and thirteenth/ were written once
 * they had been, and have since been used for tuning too (round 11).
 * fourteenth/, fifteenth/ and sixteenth/ were written once they had been, and
 * have since been used for tuning too (round 12). seventeenth/, eighteenth/
 * and nineteenth/ were written once they had been, and have since been used
 * for tuning too (round 13). twentieth/, twentyfirst/ and twentysecond/ were
 * written once they had been, and have since been used for tuning too (round
 * 14). twentythird/ to twentysixth/ were written once they had been, and have
 * since been used for tuning too (round 15). twentyseventh/ to thirtieth/
 * were written once they had been, and are held out.
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
  /** The kind of body (e.g. "filler-in-why-field"), to group disagreements; not scored. */
  shape?: string;
  /** The reader's reason for the labels, in a line; not scored. */
  note?: string;
}

/** One corpus directory: its cases, and where each case's body and templates are. */
export interface Corpus {
  cases: CorpusCase[];
  bodyOf: (c: CorpusCase) => string;
  repoDir: (c: CorpusCase) => string;
}

/** The labels as the scorer compares them: a "yes" string where `true` belongs would count as a disagreement on every body. */
function checkedCases(cases: CorpusCase[], dir: URL): CorpusCase[] {
  for (const c of cases) {
    if (typeof c.why !== "boolean" || typeof c.who !== "boolean") throw new Error(`${dir.pathname}cases.json: ${c.body}: why and who must be true or false`);
  }
  return cases;
}

function readCorpus(dir: URL): Corpus {
  return {
    cases: checkedCases(JSON.parse(readFileSync(new URL("cases.json", dir), "utf8")) as CorpusCase[], dir),
    bodyOf: (c) => readFileSync(new URL(`bodies/${c.body}`, dir), "utf8"),
    repoDir: (c) => new URL(`repos/${c.repo}/`, dir).pathname,
  };
}

/** The main corpus, now also used to tune the check. */
export const mainCorpus = readCorpus(new URL("./", import.meta.url));
/** The fresh held-out set, written after the main corpus was used for tuning; since used for tuning too. */
export const freshCorpus = readCorpus(new URL("./fresh/", import.meta.url));
/** The blind set, labelled before the check was run on it; since used for tuning too. */
export const blindCorpus = readCorpus(new URL("./blind/", import.meta.url));
/** The holdout set, labelled and committed before the check was run on it; since used for tuning too. */
export const holdoutCorpus = readCorpus(new URL("./holdout/", import.meta.url));
/** The fifth set, written by a writer who had not read the check's code, labelled and committed before the check was run on it; since used for tuning too (round 6). */
export const fifthCorpus = readCorpus(new URL("./fifth/", import.meta.url));
/** The sixth set, written by a writer who had not read the check's code, labelled and committed before the check was run on it; since used for tuning too (round 7). */
export const sixthCorpus = readCorpus(new URL("./sixth/", import.meta.url));
/** The seventh set, written by a writer who had not read the check's code, labelled and committed before the check was run on it; since used for tuning too (round 8). */
export const seventhCorpus = readCorpus(new URL("./seventh/", import.meta.url));
/** The eighth set, written by a writer who had not read the check's code, labelled and committed before the check was run on it; since used for tuning too (round 9). */
export const eighthCorpus = readCorpus(new URL("./eighth/", import.meta.url));
/** The ninth set, written by a writer who had not read the check's code, labelled and committed before the check was run on it; since used for tuning too (round 9). */
export const ninthCorpus = readCorpus(new URL("./ninth/", import.meta.url));
/** The tenth and eleventh sets, written at once by two writers who had not read the check's code, labelled and committed before the check was run on them; since used for tuning too (round 10). */
export const tenthCorpus = readCorpus(new URL("./tenth/", import.meta.url));
export const eleventhCorpus = readCorpus(new URL("./eleventh/", import.meta.url));
/** The twelfth and thirteenth sets, written the same way once the tenth and eleventh had been used for tuning; since used for tuning too (round 11). */
export const twelfthCorpus = readCorpus(new URL("./twelfth/", import.meta.url));
export const thirteenthCorpus = readCorpus(new URL("./thirteenth/", import.meta.url));
/** The fourteenth, fifteenth and sixteenth sets, written at once by three writers once the twelfth and thirteenth had been used for tuning; since used for tuning too (round 12). */
export const fourteenthCorpus = readCorpus(new URL("./fourteenth/", import.meta.url));
export const fifteenthCorpus = readCorpus(new URL("./fifteenth/", import.meta.url));
export const sixteenthCorpus = readCorpus(new URL("./sixteenth/", import.meta.url));
/** The seventeenth, eighteenth and nineteenth sets, written the same way once the fourteenth to sixteenth had been used for tuning; since used for tuning too (round 13). */
export const seventeenthCorpus = readCorpus(new URL("./seventeenth/", import.meta.url));
export const eighteenthCorpus = readCorpus(new URL("./eighteenth/", import.meta.url));
export const nineteenthCorpus = readCorpus(new URL("./nineteenth/", import.meta.url));
/** The twentieth, twenty-first and twenty-second sets, written the same way once the seventeenth to nineteenth had been used for tuning; since used for tuning too (round 14). */
export const twentiethCorpus = readCorpus(new URL("./twentieth/", import.meta.url));
export const twentyfirstCorpus = readCorpus(new URL("./twentyfirst/", import.meta.url));
export const twentysecondCorpus = readCorpus(new URL("./twentysecond/", import.meta.url));
/** The twenty-third to twenty-sixth sets, written at once by four writers once the twentieth to twenty-second had been used for tuning; since used for tuning too (round 15). */
export const twentythirdCorpus = readCorpus(new URL("./twentythird/", import.meta.url));
export const twentyfourthCorpus = readCorpus(new URL("./twentyfourth/", import.meta.url));
export const twentyfifthCorpus = readCorpus(new URL("./twentyfifth/", import.meta.url));
export const twentysixthCorpus = readCorpus(new URL("./twentysixth/", import.meta.url));
/** The twenty-seventh to thirtieth sets, written the same way once the twenty-third to twenty-sixth had been used for tuning; since used for tuning too (rounds 16 and 17). */
export const twentyseventhCorpus = readCorpus(new URL("./twentyseventh/", import.meta.url));
export const twentyeighthCorpus = readCorpus(new URL("./twentyeighth/", import.meta.url));
export const twentyninthCorpus = readCorpus(new URL("./twentyninth/", import.meta.url));
export const thirtiethCorpus = readCorpus(new URL("./thirtieth/", import.meta.url));
/** The thirty-first to thirty-fourth sets, written the same way once the twenty-seventh to thirtieth had been used for tuning; since used for tuning too (round 18). */
export const thirtyfirstCorpus = readCorpus(new URL("./thirtyfirst/", import.meta.url));
export const thirtysecondCorpus = readCorpus(new URL("./thirtysecond/", import.meta.url));
export const thirtythirdCorpus = readCorpus(new URL("./thirtythird/", import.meta.url));
export const thirtyfourthCorpus = readCorpus(new URL("./thirtyfourth/", import.meta.url));
/** The thirty-fifth to thirty-eighth sets, written the same way once the thirty-first to thirty-fourth had been used for tuning; since used for tuning too (round 19). */
export const thirtyfifthCorpus = readCorpus(new URL("./thirtyfifth/", import.meta.url));
export const thirtysixthCorpus = readCorpus(new URL("./thirtysixth/", import.meta.url));
export const thirtyseventhCorpus = readCorpus(new URL("./thirtyseventh/", import.meta.url));
export const thirtyeighthCorpus = readCorpus(new URL("./thirtyeighth/", import.meta.url));
/** The thirty-ninth to forty-second sets, written the same way once the thirty-fifth to thirty-eighth had been used for tuning; since used for tuning too (round 20). */
export const thirtyninthCorpus = readCorpus(new URL("./thirtyninth/", import.meta.url));
export const fortiethCorpus = readCorpus(new URL("./fortieth/", import.meta.url));
export const fortyfirstCorpus = readCorpus(new URL("./fortyfirst/", import.meta.url));
export const fortysecondCorpus = readCorpus(new URL("./fortysecond/", import.meta.url));
/** The forty-third to forty-sixth sets, written the same way once the thirty-ninth to forty-second had been used for tuning; since used for tuning too (round 21). */
export const fortythirdCorpus = readCorpus(new URL("./fortythird/", import.meta.url));
export const fortyfourthCorpus = readCorpus(new URL("./fortyfourth/", import.meta.url));
export const fortyfifthCorpus = readCorpus(new URL("./fortyfifth/", import.meta.url));
export const fortysixthCorpus = readCorpus(new URL("./fortysixth/", import.meta.url));
/** The forty-seventh to fiftieth sets, written the same way once the forty-third to forty-sixth had been used for tuning; since used for tuning too (round 22). */
export const fortyseventhCorpus = readCorpus(new URL("./fortyseventh/", import.meta.url));
export const fortyeighthCorpus = readCorpus(new URL("./fortyeighth/", import.meta.url));
export const fortyninthCorpus = readCorpus(new URL("./fortyninth/", import.meta.url));
export const fiftiethCorpus = readCorpus(new URL("./fiftieth/", import.meta.url));
/** The fifty-first to fifty-fourth sets, written once the forty-seventh to fiftieth had been used for tuning, by writers with no access to the repository; since used for tuning too (round 23). */
export const fiftyfirstCorpus = readCorpus(new URL("./fiftyfirst/", import.meta.url));
export const fiftysecondCorpus = readCorpus(new URL("./fiftysecond/", import.meta.url));
export const fiftythirdCorpus = readCorpus(new URL("./fiftythird/", import.meta.url));
export const fiftyfourthCorpus = readCorpus(new URL("./fiftyfourth/", import.meta.url));
/** The fifty-fifth to fifty-eighth sets, written the same way once the fifty-first to fifty-fourth had been used for tuning; since used for tuning too (round 24). */
export const fiftyfifthCorpus = readCorpus(new URL("./fiftyfifth/", import.meta.url));
export const fiftysixthCorpus = readCorpus(new URL("./fiftysixth/", import.meta.url));
export const fiftyseventhCorpus = readCorpus(new URL("./fiftyseventh/", import.meta.url));
export const fiftyeighthCorpus = readCorpus(new URL("./fiftyeighth/", import.meta.url));
/** The fifty-ninth to sixty-second sets, written the same way once the fifty-fifth to fifty-eighth had been used for tuning; not used for tuning. */
export const fiftyninthCorpus = readCorpus(new URL("./fiftyninth/", import.meta.url));
export const sixtiethCorpus = readCorpus(new URL("./sixtieth/", import.meta.url));
export const sixtyfirstCorpus = readCorpus(new URL("./sixtyfirst/", import.meta.url));
export const sixtysecondCorpus = readCorpus(new URL("./sixtysecond/", import.meta.url));

export interface Judgement {
  why: boolean;
  who: boolean;
}

/** A body where the check and the reader differ. */
export interface Miss {
  case: CorpusCase;
  found: Judgement;
}

export interface Agreement {
  both: number;
  why: number;
  who: number;
  total: number;
  misses: Miss[];
}

/** How often a judge agrees with the reader on a corpus's cases, per field and on both at once. */
export async function agreement(cases: CorpusCase[], judge: (c: CorpusCase) => Promise<Judgement>): Promise<Agreement> {
  const result: Agreement = { both: 0, why: 0, who: 0, total: cases.length, misses: [] };
  for (const c of cases) {
    const found = await judge(c);
    const why = found.why === c.why;
    const who = found.who === c.who;
    result.why += Number(why);
    result.who += Number(who);
    result.both += Number(why && who);
    if (!why || !who) result.misses.push({ case: c, found });
  }
  return result;
}

const yesNo = (value: boolean) => (value ? "yes" : "no");
const field = (name: string, reader: boolean, check: boolean) => `${name} ${yesNo(reader)}→${yesNo(check)}`;

/**
 * The misses grouped by the body's shape, one line each: which field differs
 * (the reader's label → the check's), and the reader's note.
 */
export function missesByShape(misses: Miss[]): string[] {
  const groups = new Map<string, Miss[]>();
  for (const miss of misses) {
    const shape = miss.case.shape ?? "unclassified";
    groups.set(shape, [...(groups.get(shape) ?? []), miss]);
  }
  return [...groups.entries()].flatMap(([shape, group]) => [
    `  ${shape} (${group.length}):`,
    ...group.map(({ case: c, found }) => {
      const differs = [c.why !== found.why ? field("why", c.why, found.why) : "", c.who !== found.who ? field("who", c.who, found.who) : ""].filter(Boolean).join(", ");
      return `    ${c.body}: ${differs}${c.note ? ` — ${c.note}` : ""}`;
    }),
  ]);
}
