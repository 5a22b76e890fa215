import { openInPlace } from "../../src/github/records.js";
import { deriveRecordKey, openRecords, recordScope, sealRecords } from "../../src/core/records.js";
import { OWNER, REPO } from "./github.js";

/** The webhook secret of every test app: records in fixtures are sealed with the key derived from it. */
export const TEST_RECORD_SECRET = "test-webhook-secret";
export const TEST_RECORD_KEY = deriveRecordKey(TEST_RECORD_SECRET);
/** A function, not a constant: `github.ts` imports this module, so its names are not ready while this one loads. */
const testScope = () => recordScope(OWNER, REPO);

/** A body as the bot wrote it to GitHub: its records sealed for the repository (the test repository by default). */
export function sealed(body: string, scope = testScope()): string {
  return sealRecords(body, scope, TEST_RECORD_KEY);
}

/** A body the bot sent, as the app reads it back: genuine records in canonical form, any other record dropped. */
export function opened(body: string, scope = testScope()): string {
  return openRecords(body, scope, TEST_RECORD_KEY).body;
}

/** A captured request body with every string opened as `opened` does (for the test repository). */
export function openedRequest<T>(body: T): T {
  openInPlace(body, testScope(), TEST_RECORD_KEY);
  return body;
}
