import nock from "nock";
import { afterAll, afterEach, beforeAll, expect } from "vitest";

// No test may reach the network, and every test must use exactly the HTTP
// mocks it declares: an unmatched request or a leftover mock fails the test.
// Vitest runs this file again before each test file (also when files share a
// process, `isolate: false`), so the listener is this file's, removed at its end.
const unmatched: string[] = [];
const recordUnmatched = (req: { method?: string; path?: string; options?: { method?: string; path?: string } }) => {
  unmatched.push(`${req.method ?? req.options?.method ?? "?"} ${req.path ?? req.options?.path ?? "?"}`);
};

beforeAll(() => {
  nock.disableNetConnect();
  nock.emitter.on("no match", recordUnmatched);
});

afterAll(() => {
  nock.emitter.off("no match", recordUnmatched);
});

afterEach(() => {
  const pending = nock.pendingMocks();
  const unexpected = unmatched.splice(0);
  nock.cleanAll();
  expect(unexpected, "requests with no matching mock").toEqual([]);
  expect(pending, "mocks that were never called").toEqual([]);
});
