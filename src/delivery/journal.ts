import { mkdir, open, readFile, rename, type FileHandle } from "node:fs/promises";
import { join } from "node:path";

/** One delivery as the journal keeps it. */
export interface JournalEntry {
  id: string;
  name: string;
  payload: unknown;
  /** Handlers that finished on an earlier attempt: a retry skips them. */
  done: string[];
  state: "pending" | "complete" | "failed";
  /** When it was accepted (ms since the epoch). */
  at: number;
  /** How many times a process started with it unfinished: one that stops the process every time must not stop it forever. */
  starts: number;
}

/** The lines of the file, one JSON object each. */
type Line =
  | { op: "accept"; id: string; name: string; payload: unknown; done: string[]; at: number; starts?: number }
  | { op: "progress"; id: string; done: string[] }
  | { op: "complete"; id: string; at: number }
  | { op: "failed"; id: string; done: string[]; at: number }
  /** A finished delivery remembered without its payload, so a redelivery of it is dropped. */
  | { op: "seen"; id: string; at: number };

export interface JournalOptions {
  /** Finished delivery ids remembered for dropping redeliveries: at most this many … */
  rememberCount?: number;
  /** … and no older than this. */
  rememberMs?: number;
  /** Deliveries that failed for good are kept (with their payload) this long, for inspection. */
  keepFailedMs?: number;
  /** Rewrite the file after this many deliveries finished since the last rewrite. */
  compactEvery?: number;
  now?: () => number;
}

const FILE = "deliveries.jsonl";

/**
 * The default mode's durable record of deliveries: an append-only file of
 * JSON lines in a data directory, one process writing it. A delivery is
 * written and flushed to disk (`fdatasync`) before GitHub is answered, and
 * marked when it finishes, so a process that dies in between finds it again
 * at the next start. Only a torn last line can be malformed (the process died
 * while writing it, before GitHub was answered): it is skipped, and GitHub,
 * which got no answer, records that delivery as failed (the reconciler's case).
 * The file is rewritten at start and every `compactEvery` finished deliveries
 * to hold only the unfinished ones, the recently failed ones and the ids of
 * recently finished ones.
 */
export class DeliveryJournal {
  private readonly entries = new Map<string, JournalEntry>();
  private tail: Promise<unknown> = Promise.resolve();
  private finishedSinceCompaction = 0;
  private readonly rememberCount: number;
  private readonly rememberMs: number;
  private readonly keepFailedMs: number;
  private readonly compactEvery: number;
  private readonly now: () => number;
  /** Malformed lines skipped when the file was read. */
  skipped = 0;

  private constructor(
    readonly directory: string,
    private file: FileHandle,
    options: JournalOptions,
  ) {
    this.rememberCount = options.rememberCount ?? 5_000;
    this.rememberMs = options.rememberMs ?? 24 * 3_600_000;
    this.keepFailedMs = options.keepFailedMs ?? 7 * 24 * 3_600_000;
    this.compactEvery = options.compactEvery ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  /** Opens (creating the directory and file when missing), reads what an earlier process left, and rewrites it compactly. */
  static async open(directory: string, options: JournalOptions = {}): Promise<DeliveryJournal> {
    await mkdir(directory, { recursive: true });
    const path = join(directory, FILE);
    const text = await readFile(path, "utf8").catch((error: unknown) => {
      if ((error as { code?: string }).code === "ENOENT") return "";
      throw error;
    });
    const journal = new DeliveryJournal(directory, await open(path, "a"), options);
    journal.replay(text);
    for (const entry of journal.pending()) entry.starts++;
    await journal.compact();
    return journal;
  }

  /** Deliveries accepted and not finished: the ones to run after a restart. */
  pending(): JournalEntry[] {
    return [...this.entries.values()].filter((entry) => entry.state === "pending");
  }

  get(id: string): JournalEntry | undefined {
    return this.entries.get(id);
  }

  /** Counts by state, for `/health`. */
  counts(): { pending: number; failed: number } {
    let pending = 0;
    let failed = 0;
    for (const entry of this.entries.values()) {
      if (entry.state === "pending") pending++;
      else if (entry.state === "failed") failed++;
    }
    return { pending, failed };
  }

  /** Records a delivery to run (again, after a failure: `done` holds the handlers to skip); resolves once it is on disk. */
  accept(id: string, name: string, payload: unknown, done: readonly string[] = []): Promise<JournalEntry> {
    const entry: JournalEntry = { id, name, payload, done: [...done], state: "pending", at: this.now(), starts: 0 };
    const previous = this.entries.get(id);
    this.entries.set(id, entry);
    return this.write({ op: "accept", id, name, payload, done: entry.done, at: entry.at }).then(
      () => entry,
      (error: unknown) => {
        // Not on disk, so GitHub is answered with an error and redelivers: the redelivery must not be dropped as a duplicate.
        if (this.entries.get(id) === entry) {
          if (previous) this.entries.set(id, previous);
          else this.entries.delete(id);
        }
        throw error;
      },
    );
  }

  /** Handlers done so far, after an attempt that failed: a retry after a restart skips them too. */
  progress(entry: JournalEntry, done: readonly string[]): Promise<void> {
    entry.done = [...done];
    return this.write({ op: "progress", id: entry.id, done: entry.done });
  }

  complete(entry: JournalEntry): Promise<void> {
    entry.state = "complete";
    entry.payload = undefined;
    return this.finished({ op: "complete", id: entry.id, at: this.now() });
  }

  failed(entry: JournalEntry, done: readonly string[]): Promise<void> {
    entry.state = "failed";
    entry.done = [...done];
    return this.finished({ op: "failed", id: entry.id, done: entry.done, at: this.now() });
  }

  async close(): Promise<void> {
    await this.tail.catch(() => undefined);
    await this.file.close();
  }

  private async finished(line: Line): Promise<void> {
    await this.write(line);
    if (++this.finishedSinceCompaction >= this.compactEvery) await this.enqueue(() => this.rewrite());
  }

  /** Appends one line and flushes it to disk; lines are written one after the other, in call order. */
  private write(line: Line): Promise<void> {
    return this.enqueue(async () => {
      await this.file.appendFile(`${JSON.stringify(line)}\n`);
      await this.file.datasync();
    });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.tail.then(work);
    // One failed write must not block the ones after it; its caller sees the error.
    this.tail = next.catch(() => undefined);
    return next;
  }

  private replay(text: string): void {
    for (const raw of text.split("\n")) {
      if (raw.trim() === "") continue;
      let line: Line;
      try {
        line = JSON.parse(raw) as Line;
      } catch {
        this.skipped++;
        continue;
      }
      const entry = this.entries.get(line.id);
      switch (line.op) {
        case "accept":
          this.entries.set(line.id, { id: line.id, name: line.name, payload: line.payload, done: line.done, state: "pending", at: line.at, starts: line.starts ?? 0 });
          break;
        case "progress":
          if (entry) entry.done = line.done;
          break;
        case "complete":
          if (entry) Object.assign(entry, { state: "complete", payload: undefined, at: line.at });
          break;
        case "failed":
          if (entry) Object.assign(entry, { state: "failed", done: line.done, at: line.at });
          break;
        case "seen":
          this.entries.set(line.id, { id: line.id, name: "", payload: undefined, done: [], state: "complete", at: line.at, starts: 0 });
          break;
        default:
          this.skipped++;
      }
    }
  }

  private compact(): Promise<void> {
    return this.enqueue(() => this.rewrite());
  }

  /** Writes what must be kept to a new file, flushes it, and puts it in place of the old one (a rename is atomic). */
  private async rewrite(): Promise<void> {
    this.finishedSinceCompaction = 0;
    const now = this.now();
    const lines: Line[] = [];
    const complete = [...this.entries.values()].filter((entry) => entry.state === "complete" && now - entry.at < this.rememberMs).slice(-this.rememberCount);
    const keep = new Set(complete.map((entry) => entry.id));
    for (const entry of this.entries.values()) {
      if (entry.state === "pending") lines.push({ op: "accept", id: entry.id, name: entry.name, payload: entry.payload, done: entry.done, at: entry.at, starts: entry.starts });
      else if (entry.state === "failed" && now - entry.at < this.keepFailedMs) {
        lines.push({ op: "accept", id: entry.id, name: entry.name, payload: entry.payload, done: entry.done, at: entry.at });
        lines.push({ op: "failed", id: entry.id, done: entry.done, at: entry.at });
      } else if (keep.has(entry.id)) lines.push({ op: "seen", id: entry.id, at: entry.at });
      else this.entries.delete(entry.id);
    }
    const path = join(this.directory, FILE);
    const temporary = `${path}.tmp`;
    const copy = await open(temporary, "w");
    try {
      await copy.writeFile(lines.map((line) => `${JSON.stringify(line)}\n`).join(""));
      await copy.datasync();
    } finally {
      await copy.close();
    }
    await rename(temporary, path);
    await syncDirectory(this.directory);
    await this.file.close();
    this.file = await open(path, "a");
  }
}

/** The rename itself is durable only once the directory is flushed. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, "r");
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems (and Windows) cannot flush a directory; the rename still happened.
    if (!["EINVAL", "EPERM", "EISDIR"].includes((error as { code?: string }).code ?? "")) throw error;
  } finally {
    await handle.close();
  }
}
