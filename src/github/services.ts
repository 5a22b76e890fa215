import type { Probot } from "probot";
import { botIdentity } from "./bot-identity.js";
import { KeyedLocks } from "./locks.js";

/** What one running app shares between events: no state that must survive a restart. */
export interface Services {
  botLogin: () => Promise<string>;
  locks: KeyedLocks;
  /** Labels known to exist, per repository, so each is created at most once per process. */
  knownLabels: Set<string>;
}

export function createServices(app: Probot): Services {
  return { botLogin: botIdentity(app), locks: new KeyedLocks(), knownLabels: new Set() };
}
