import type { Config } from "../../config/schema.js";
import type { IntentFacts, LinkedTicket } from "../../core/intent/decide.js";
import type { IntentRules } from "../../core/intent/judge.js";
import { referenceLabel, sameRepository } from "../../core/intent/references.js";
import { isForbidden, isMissing } from "../../github/errors.js";
import type { Services } from "../../github/services.js";
import { readTemplates, type TemplateKind } from "../../github/templates.js";
import type { GitHub, Log, RepoRef } from "../../github/types.js";
import type { Budgeted } from "../../parse/budget.js";

export interface IntentSubject {
  kind: TemplateKind;
  number: number;
  title: string;
  body: string | null | undefined;
}

// Enough to find the ticket a change is for without fanning out on a long list of mentions.
const MAX_LINKED_READS = 5;

export function intentRules(config: Config): IntentRules {
  const { why, who, minWords, placeholders, filler, whoProse } = config.intent;
  return { why, who, minWords, placeholders, filler, whoProse };
}

/**
 * Reads what the decision needs: the templates (to discount unchanged
 * template text) and the linked issues, whose why/who a change inherits.
 * The subject's own text is parsed within the budget: when it cannot be
 * read, there is no verdict; a linked ticket that cannot be read counts as
 * unreadable, as a private one does.
 */
export async function gatherIntentFacts(
  octokit: GitHub,
  services: Services,
  log: Log,
  config: Config,
  repo: RepoRef,
  subject: IntentSubject,
): Promise<Budgeted<IntentFacts>> {
  const rules = intentRules(config);
  const { tickets } = config.intent;
  const ownTemplates = await readTemplates(octokit, services.templates, repo, subject.kind);
  const [own, refs] = await Promise.all([
    services.parse.run("judgeBody", [subject.body, rules, ownTemplates, subject.title], log),
    services.parse.run("findReferences", [`${subject.title}\n\n${subject.body ?? ""}`, repo, tickets.external.enabled ? tickets.external.patterns : []], log),
  ]);
  if (!own.ok) return own;
  if (!refs.ok) return refs;

  const linkable = tickets.inherit
    ? refs.value.issues.filter((r) => !(sameRepository(r, repo) && r.number === subject.number)).slice(0, MAX_LINKED_READS)
    : [];
  const linked = await Promise.all(
    linkable.map(async (ref): Promise<LinkedTicket> => {
      const label = referenceLabel(ref, repo);
      try {
        const { data } = await octokit.rest.issues.get({ owner: ref.owner, repo: ref.repo, issue_number: ref.number });
        const templates = await readTemplates(octokit, services.templates, { owner: ref.owner, repo: ref.repo }, "issue");
        const intent = await services.parse.run("judgeBody", [data.body, rules, templates, data.title], log);
        return intent.ok ? { ref: label, intent: intent.value } : { ref: label, unreadable: true };
      } catch (error) {
        // A rate limit is not "unreadable": it rethrows, so the delivery is retried and the ticket read then.
        if (isMissing(error) || isForbidden(error)) return { ref: label, unreadable: true };
        throw error;
      }
    }),
  );
  return { ok: true, value: { own: own.value, linked, external: refs.value.external } };
}
