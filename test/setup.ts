import nock from "nock";
import { afterEach, beforeAll, expect } from "vitest";

// No test may reach the network, and every test must use exactly the HTTP
// mocks it declares: an unmatched request or a leftover mock fails the test.
const unmatched: string[] = [];

beforeAll(() => {
  nock.disableNetConnect();
  nock.emitter.on("no match", (req: { method?: string; path?: string; options?: { method?: string; path?: string } }) => {
    unmatched.push(`${req.method ?? req.options?.method ?? "?"} ${req.path ?? req.options?.path ?? "?"}`);
  });
});

afterEach(() => {
  const pending = nock.pendingMocks();
  const unexpected = unmatched.splice(0);
  nock.cleanAll();
  expect(unexpected, "requests with no matching mock").toEqual([]);
  expect(pending, "mocks that were never called").toEqual([]);
});
