import type { Clock } from "../../src/delivery/coalescer.js";

/** A clock the test moves by hand: timers fire when `advance` passes their time. */
export function fakeClock(start = 0) {
  let now = start;
  const timers: { at: number; fn: () => void }[] = [];
  const clock: Clock = { now: () => now, later: (fn, ms) => void timers.push({ at: now + ms, fn }) };
  return {
    clock,
    timers,
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers.splice(0, timers.length, ...timers.filter((t) => t.at > now));
      for (const t of due) t.fn();
    },
  };
}
