import type { IntentFacts, LinkedTicket } from "../core/intent/decide.js";
import { referenceLabel, sameRepository } from "../core/intent/references.js";
import { intentRules } from "../core/intent/rules.js";
import type { Budgeted } from "../parse/budget.js";
import type { FeatureContext } from "./context.js";
import { isForbidden, isMissing } from "./errors.js";
import { opened } from "./records.js";
import { readTemplates, type TemplateKind } from "./templates.js";

/** An issue or pull request whose why and who are read. */
export interface IntentSubject {
  kind: TemplateKind;
  number: number;
  title: string;
  body: string | null | undefined;
}

// Enough to find the ticket a change is for without fanning out on a long list of mentions.
const MAX_LINKED_READS = 5;

/**
 * The why and who an issue or pull request states or inherits, as facts for
 * `decideIntent`: shared by the intent check and hacks' debt issues. Reads
 * the templates (to discount unchanged template text) and the linked issues,
 * whose why/who a change inherits. The subject's own text is parsed within
 * the budget: when it cannot be read, there are no facts; a linked ticket
 * that cannot be read counts as unreadable, as a private one does.
 */
export async function gatherIntentFacts(ctx: FeatureContext, subject: IntentSubject): Promise<Budgeted<IntentFacts>> {
  const { services, log, config, repo } = ctx;
  const rules = intentRules(config, repo.repo);
  const { tickets } = config.intent;
  const ownTemplates = await readTemplates(services.facts, services.templates, repo, subject.kind);
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
        // A ticket's text, not the app's state: the read the other features of the delivery made is shared.
        const data = opened(ctx, ref, await services.facts.issue(ref, ref.number));
        const templates = await readTemplates(services.facts, services.templates, { owner: ref.owner, repo: ref.repo }, "issue");
        const intent = await services.parse.run("judgeBody", [data.body, { ...rules, project: ref.repo }, templates, data.title], log);
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
