import { createHash } from "node:crypto";
import type { Command } from "../commands.js";
import { dataMarker, readDataMarker } from "../markers.js";

/**
 * Which command a `/phase` answer answers, kept in the answer, so that a
 * redelivery can tell its own answer from one to an earlier version of the
 * comment (and leave the first, which said what was done, in place).
 */
export function commandTag(command: Command): string {
  return createHash("sha256")
    .update(JSON.stringify([command.args, command.body]))
    .digest("hex")
    .slice(0, 16);
}

export function taggedReply(reply: string, tag: string): string {
  return `${reply}\n\n${dataMarker({ phaseCommand: tag })}`;
}

/** The tag of the command an answer answers, if it carries one. */
export function answeredTag(body: string | undefined): unknown {
  const data = readDataMarker(body);
  return typeof data === "object" && data !== null && "phaseCommand" in data ? data.phaseCommand : undefined;
}
