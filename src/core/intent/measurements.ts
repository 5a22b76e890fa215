import { ARROW } from "./prose-who.js";

/**
 * Benefits and costs stated with measurements, which are reasons however
 * positively put: a cost that moves ("goes from 4.1 s to 2.6 s"), a share of
 * a cost ("35% of the query time"), a duration something would finish in
 * ("would finish in about 20 minutes"), fewer of something that costs ("one
 * query instead of three", "fewer round trips"). A setting changed ("Raises
 * the timeout from 30 s to 60 s") or a range ("values from 5 s to 90 s")
 * measures nothing it costs: no word of a setting or a range may come just
 * before the movement. An amount
 * measured before and after ("9 fps before, 24 fps after"), or saved ("cuts
 * 14 kB of flash", "2 MB less"), is a gain too. Each looks at its
 * word and a few around it: constant work per word, no regex.
 */

export const TIME_UNITS = new Set("ns µs μs s ms sec secs second seconds min mins minute minutes h hr hrs hour hours day days".split(" "));
const SIZE_UNITS = new Set("b kb mb gb tb kib mib gib tib byte bytes kilobytes megabytes gigabytes percent".split(" "));
/** Rates a change may raise or lower: "9 fps before, 24 fps after". */
const RATE_UNITS = new Set("fps rps qps ops".split(" "));
/** Verbs that report an amount saved: "cuts 14 kB of flash", "saves 2 MB", "frees 300 MB". A size or a time, not a setting. */
const SAVING = new Set("cut cuts saves saved save frees freed free trims trimmed shaves shaved".split(" "));
/** Words after an amount that say it was saved: "14 kB less flash", "2 MB smaller". */
const LESS = new Set(["less", "smaller", "fewer", "lighter"]);
/** What a change may need fewer of, each a cost: "one query instead of three", "fewer round trips". */
const COST_NOUNS = new Set(
  (
    "query queries request requests call calls round-trip round-trips roundtrip roundtrips trip trips step steps click clicks pass passes " +
    "allocation allocations copy copies lookup lookups fetch fetches scan scans restart restarts rebuild rebuilds reload reloads " +
    "connection connections process processes hop hops download downloads upload uploads render renders rerender rerenders"
  ).split(" "),
);
/** What a share is of when it measures a cost: "35% of the query time", "a third of the CPU". */
const COST_SHARES = new Set("time runtime cpu core cores thread threads battery memory ram latency bandwidth storage disk budget traffic volume bill bills spend cost costs".split(" "));
const NUMBER_WORDS = new Set("one two three four five six seven eight nine ten eleven twelve dozen dozens hundred hundreds thousand thousands single".split(" "));
/** Verbs a duration follows when it is how long something runs: "would finish in about 20 minutes", "loads in 300 ms". */
const FINISHING = new Set("finish finishes finished complete completes completed done load loads loaded return returns returned build builds built".split(" "));
/** Words between a duration's "in" and its amount: "in about 20 minutes", "in under a second". */
const HEDGES = new Set(["about", "around", "roughly", "under", "just", "only", "approximately", "less", "than", "over"]);
/** How many words a measure's amount may come after the word that opens it: "from roughly 4 s", "instead of three stacked loops". */
const MAX_TO_AMOUNT = 3;
/** How far before "instead of" the count it is compared with may be: "one Query Loop and one database query instead of three". */
const MAX_COUNT_BEFORE = 8;

export const isDigits = (word: string) => word.length > 0 && [...word].every((ch) => ch >= "0" && ch <= "9");

/** The length of the digits a word starts with: `300ms` is 3. */
function leadingDigits(word: string): number {
  let digits = 0;
  while (digits < word.length && isDigits(word[digits] ?? "")) digits++;
  return digits;
}

/** `6`, `6s`, `300ms`: an amount with a unit of `units`, glued on or in the next word. */
function measuresIn(words: readonly string[], at: number, units: ReadonlySet<string>): boolean {
  const word = words[at] ?? "";
  const digits = leadingDigits(word);
  if (digits === 0) return false;
  return digits === word.length ? units.has(words[at + 1] ?? "") : units.has(word.slice(digits));
}

/** An amount of time: "6 s", "300ms", "20 minutes". */
export const measuresTime = (words: readonly string[], at: number) => measuresIn(words, at, TIME_UNITS);
/** An amount of time or size: a decimal's last part counts ("4.1 s" is read as "4", "1", "s"). */
const measures = (words: readonly string[], at: number) => measuresTime(words, at) || measuresIn(words, at, SIZE_UNITS);
/** An amount of time, size or rate. */
const measuresAny = (words: readonly string[], at: number) => measures(words, at) || measuresIn(words, at, RATE_UNITS);
/** How far the "after" amount may follow the "before" word: "9 fps before, 24 fps after". */
const MAX_TO_AFTER = 4;
/** A count: "3", "three", "a single". */
const isCount = (word: string) => isDigits(word) || NUMBER_WORDS.has(word);

/** Where the first word `found` accepts is, within a few words after `at`, or -1. */
function measureAfter(words: readonly string[], at: number, found: (words: readonly string[], k: number) => boolean): number {
  for (let k = at + 1; k <= at + MAX_TO_AMOUNT && k < words.length; k++) if (found(words, k)) return k;
  return -1;
}

/** Words that set a value or a range rather than measure one: "Raises the default timeout 30 s → 60 s", "accepts values from 5 s to 90 s". */
const SETTING = new Set(
  ("raise raises raised lower lowers lowered set sets change changes bump bumps bumped increase increases increased decrease decreases decreased " +
    "default defaults limit limits timeout timeouts value values range ranges accept accepts allow allows anywhere between option setting").split(" "),
);
/** How far before a measure's move a setting's word is looked for. */
const MAX_SETTING_BEFORE = 8;
function setsAValue(words: readonly string[], at: number): boolean {
  // "Change the max_request_duration value in the example config … from 90s to 300s": a sentence that opens by setting something.
  if (at > 0 && SETTING.has(words[0] ?? "")) return true;
  for (let k = Math.max(0, at - MAX_SETTING_BEFORE); k < at; k++) if (SETTING.has(words[k] ?? "") && !namesTheChange(words, k)) return true;
  return false;
}
/** "With this change memory goes from …": "change" after "this" or "the" is the change itself, not a verb that sets a value. */
const namesTheChange = (words: readonly string[], k: number) => (words[k] === "change" || words[k] === "changes") && (words[k - 1] === "this" || words[k - 1] === "the");

/**
 * "goes from 4.1 s to 2.6 s", "dropped from 2 GB to 300 MB", "cuts
 * formatting the whole tree from 41 s to 33 s": a measure reported moving.
 * A setting moved ("Raises the default timeout from 30 s to 60 s") or a
 * range ("accepts values from 5 s to 90 s") measures nothing it costs.
 */
function movesFromTo(words: readonly string[], i: number): boolean {
  if (words[i] !== "from" || setsAValue(words, i)) return false;
  const before = measureAfter(words, i, measures);
  if (before < 0) return false;
  // "from about 55 minutes to about 12": the unit said once, with the first amount.
  // "from about 40 minutes down to 3": "down" or "up" may come before the "to".
  for (let to = before + 1; to <= before + 3 && to < words.length; to++) if (words[to] === "to") return measureAfter(words, to, (w, k) => measures(w, k) || isDigits(w[k] ?? "")) >= 0;
  return false;
}

/** "3% CPU per window", "40 percent memory": a share that is itself a cost, read from the digits before "percent". */
const shareAsCost = (words: readonly string[], i: number) => words[i] === "percent" && isDigits(words[i - 1] ?? "") && COST_SHARES.has(words[i + 1] ?? "");

/** "35% of the query time", "40 percent of the CPU": the share is read from the digits before "of". */
function shareOfCost(words: readonly string[], i: number): boolean {
  if (words[i] !== "of") return false;
  const amount = words[i - 1] === "percent" ? words[i - 2] : words[i - 1];
  if (!isDigits(amount ?? "")) return false;
  for (let k = i + 1; k <= i + MAX_TO_AMOUNT && k < words.length; k++) if (COST_SHARES.has(words[k] ?? "")) return true;
  return false;
}

/** "would finish in about 20 minutes", "loads in 300 ms": how long it runs. */
function finishesIn(words: readonly string[], i: number): boolean {
  if (!FINISHING.has(words[i] ?? "") || words[i + 1] !== "in") return false;
  let k = i + 2;
  while (k < i + 2 + MAX_TO_AMOUNT && HEDGES.has(words[k] ?? "")) k++;
  return measuresTime(words, k);
}

/** A count of a cost: "one database query", "2 requests", within a couple of words. */
const countsCost = (words: readonly string[], at: number) => isCount(words[at] ?? "") && (COST_NOUNS.has(words[at + 1] ?? "") || COST_NOUNS.has(words[at + 2] ?? ""));

/**
 * "one database query instead of three", "2 requests rather than 40": a
 * count of a cost compared with another count. "4 spaces instead of 2"
 * counts no cost.
 */
function fewerInstead(words: readonly string[], i: number): boolean {
  const alternative = (words[i] === "instead" && words[i + 1] === "of") || (words[i] === "rather" && words[i + 1] === "than");
  if (!alternative || measureAfter(words, i + 1, (w, k) => isCount(w[k] ?? "")) < 0) return false;
  for (let k = Math.max(0, i - MAX_COUNT_BEFORE); k < i; k++) if (countsCost(words, k)) return true;
  return false;
}

/** "fewer round trips", "fewer database queries": fewer of a cost. */
const fewerOfCost = (words: readonly string[], i: number) => words[i] === "fewer" && (COST_NOUNS.has(words[i + 1] ?? "") || COST_NOUNS.has(words[i + 2] ?? ""));

/** Whether an amount with its unit ends right before `at`: "9 fps", "300ms". */
function amountEndingAt(words: readonly string[], at: number): boolean {
  return measuresAny(words, at - 2) || measuresAny(words, at - 1);
}

/** The cue of an amount measured before and after: a test plan's report of the gain, a reason on its own. */
export const BEFORE_AND_AFTER = "before and after";

/**
 * "9 fps before, 24 fps after", "4 s before and 1 s after": an amount
 * measured before the change and after it, as a test plan reports what the
 * change gains. Two amounts with units are needed: "tested before and after"
 * measures nothing.
 */
function measuredBeforeAfter(words: readonly string[], i: number): boolean {
  if (words[i] !== "before" || !amountEndingAt(words, i)) return false;
  for (let k = i + 1; k <= i + MAX_TO_AFTER && k < words.length; k++) if (words[k] === "after" && amountEndingAt(words, k)) return true;
  return false;
}

/** "cuts 14 kB of flash", "saves 2 MB": a size saved (a time saved too: "trims 3 s off startup"). */
const savesAmount = (words: readonly string[], i: number) => SAVING.has(words[i] ?? "") && measureAfter(words, i, measures) >= 0;

/** Verbs of a measure moving on its own, not set: "interaction dropped to about 4 fps", "memory grew by 180 MB", "replies delayed by up to 40 minutes". */
const DRIFTING = new Set(
  "drop drops dropped fall falls fell grow grows grew climb climbs climbed rise rises rose jump jumps jumped spike spikes spiked balloon balloons ballooned delayed".split(" "),
);

/** "dropped to about 4 fps", "grew by ~180 MB over an evening": a measure that moved by itself to or by an amount. */
function driftsTo(words: readonly string[], i: number): boolean {
  if (!DRIFTING.has(words[i] ?? "") || (words[i + 1] !== "to" && words[i + 1] !== "by")) return false;
  return measureAfter(words, i + 1, measuresAny) >= 0;
}

/** Verbs of load that drove a measure up: "pushed the server's CPU to 90%", "drove p95 to about 900 ms". */
const PUSHING = new Set("push pushes pushed drive drives drove".split(" "));
/** How far after the verb its "to" may come: "pushed the server's CPU to". */
const MAX_TO_TARGET = 5;

/** "pushed the server's CPU to 90%": load that drove a measure to an amount. Not a setting: "pushes the timeout to 60 s". */
function pushedTo(words: readonly string[], i: number): boolean {
  if (!PUSHING.has(words[i] ?? "")) return false;
  for (let k = i + 1; k <= i + MAX_TO_TARGET && k < words.length; k++) {
    if (words[k] === "to") return measureAfter(words, k, measuresAny) >= 0 && !setsAValue(words, k);
  }
  return false;
}

/** What a multiple of time or slowness is said as: "five times as long", "3 times slower". */
const AS_MUCH = new Set(["long", "slow", "much"]);
const SLOWER = new Set(["longer", "slower"]);

/** "took about five times as long", "is 3 times slower": a cost as a multiple. */
function timesAsLong(words: readonly string[], i: number): boolean {
  if (words[i] !== "times" || !isCount(words[i - 1] ?? "")) return false;
  return SLOWER.has(words[i + 1] ?? "") || (words[i + 1] === "as" && AS_MUCH.has(words[i + 2] ?? ""));
}

/** Verbs that turn one measure into another: "this turned a 2 ms point lookup into a 1.8 s scan". */
const TURNING = new Set(["turn", "turns", "turned", "turning"]);
/** How far back from "into" the turning verb and the first measure may be. */
const MAX_TURNED = 14;

/** "turned a 2 ms lookup into a 1.8 s scan": a measure before "into", another after it, and a verb of turning before both. */
function turnedInto(words: readonly string[], i: number): boolean {
  if (words[i] !== "into" || measureAfter(words, i, measuresAny) < 0) return false;
  let measured = false;
  for (let k = i - 1; k >= 0 && k >= i - MAX_TURNED; k--) {
    if (measuresAny(words, k)) measured = true;
    if (TURNING.has(words[k] ?? "")) return measured;
  }
  return false;
}

/** "14 kB less flash", "2 MB smaller": a size or time less after its amount. */
const amountLess = (words: readonly string[], i: number) => LESS.has(words[i] ?? "") && amountEndingAt(words, i) && !RATE_UNITS.has(words[i - 1] ?? "");

/**
 * "14.2s → 8.7s", "2 GB -> 300 MB": an amount with its unit on each side of
 * an arrow, a measure reported moving. A setting moved so ("Raises the
 * default timeout 30 s → 60 s") measures nothing it costs.
 */
const movesAlongArrow = (words: readonly string[], i: number) => words[i] === ARROW && amountEndingAt(words, i) && measureAfter(words, i, measuresAny) >= 0 && !setsAValue(words, i);

/** Comparatives a share or a multiple measures: "30% faster", "3x smaller", "9% more requests per core". */
const COMPARATIVES = new Set("faster slower quicker cheaper smaller lighter less fewer lower".split(" "));
/** How far after "more" a rate's "per" may come: "9% more requests per core". */
const MAX_TO_PER = 3;

/** `3x`, `10x`: a multiple. */
const isMultiple = (word: string) => word.length > 1 && word.endsWith("x") && isDigits(word.slice(0, -1));

/**
 * "30% faster", "3x smaller", "40 percent less memory", "9% more requests
 * per core": a gain measured as a share or a multiple. "More" must count a
 * rate ("per …"): "20% more padding" is a change to the design.
 */
function comparedByShare(words: readonly string[], i: number): boolean {
  const share = (words[i - 1] === "percent" && isDigits(words[i - 2] ?? "")) || isMultiple(words[i - 1] ?? "");
  if (!share) return false;
  if (COMPARATIVES.has(words[i] ?? "")) return true;
  if (words[i] !== "more") return false;
  for (let k = i + 1; k <= i + MAX_TO_PER && k < words.length; k++) if (words[k] === "per") return true;
  return false;
}

/** The measured benefit or cost at word `i` of lower-cased `words`, as the cue to report, or undefined. */
export function measuredGainAt(words: readonly string[], i: number): string | undefined {
  const word = words[i] ?? "";
  if (movesFromTo(words, i)) return `${words[i - 1] ?? ""} from`;
  if (shareOfCost(words, i)) return words[i - 1] === "percent" ? `${words[i - 2] ?? ""}% of` : `${words[i - 1] ?? ""} of`;
  if (driftsTo(words, i)) return `${word} ${words[i + 1] ?? ""}`;
  if (turnedInto(words, i)) return "into";
  if (pushedTo(words, i)) return `${word} to`;
  if (timesAsLong(words, i)) return `${words[i - 1] ?? ""} times`;
  if (movesAlongArrow(words, i)) return ARROW;
  if (shareAsCost(words, i)) return `${words[i - 1] ?? ""}% ${words[i + 1] ?? ""}`;
  if (comparedByShare(words, i)) return `${words[i - 1] === "percent" ? `${words[i - 2] ?? ""}%` : (words[i - 1] ?? "")} ${word}`;
  if (finishesIn(words, i)) return `${word} in`;
  if (fewerInstead(words, i)) return `${word} ${words[i + 1] ?? ""}`;
  if (fewerOfCost(words, i)) return `fewer ${words[i + 1] ?? ""}`;
  if (measuredBeforeAfter(words, i)) return BEFORE_AND_AFTER;
  if (savesAmount(words, i)) return word;
  if (amountLess(words, i)) return word;
  return undefined;
}
