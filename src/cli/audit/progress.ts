import type { Progress } from "./gather.js";

const WIDTH = 30;

/** A one-line progress bar on standard error, redrawn in place; nothing when not on a terminal. */
export function progressBar(write: ((text: string) => void) | undefined): Progress {
  if (!write) return { start: () => undefined, tick: () => undefined, done: () => undefined };
  let total = 0;
  let count = 0;
  let what = "";
  const draw = () => {
    const filled = total === 0 ? WIDTH : Math.round((count / total) * WIDTH);
    write(`\r[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${count}/${total} ${what}\u001b[K`);
  };
  return {
    start: (n, label) => {
      total = n;
      count = 0;
      what = label;
      draw();
    },
    tick: () => {
      count += 1;
      draw();
    },
    done: () => write("\r\u001b[K"),
  };
}
