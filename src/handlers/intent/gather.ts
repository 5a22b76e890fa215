import type { Config } from "../../config/schema.js";
import type { IntentFacts, LinkedTicket } from "../../core/intent/decide.js";
import { judgeBody, templateLines, type IntentRules } from "../../core/intent/judge.js";
import { findReferences, referenceLabel } from "../../core/intent/references.js";
import type { Services } from "../../github/services.js";
import { readTemplates, type TemplateKind } from "../../github/templates.js";
import type { GitHub, RepoRef } from "../../github/types.js";

export interface IntentSubject {
  kind: TemplateKind;
  number: number;
  title: string;
  body: string | null | undefined;
}

// Enough to find the ticket a change is for without fanning out on a long list of mentions.
const MAX_LINKED_READS = 5;

export function intentRules(config: Config): IntentRules {
  const { why, who, minWords, placeholders } = config.intent;
  return { why, who, minWords, placeholders };
}

/**
 * Reads what the decision needs: the templates (to discount unchanged
 * template text) and the linked issues, whose why/who a change inherits.
 */
export async function gatherIntentFacts(
  octokit: GitHub,
  services: Services,
  config: Config,
  repo: RepoRef,
  subject: IntentSubject,
): Promise<IntentFacts> {
  const rules = intentRules(config);
  const { tickets } = config.intent;
  const ownTemplate = templateLines(await readTemplates(octokit, services, repo, subject.kind));
  const refs = findReferences(`${subject.title}\n\n${subject.body ?? ""}`, repo, tickets.external.enabled ? tickets.external.patterns : []);

  const linkable = tickets.inherit
    ? refs.issues.filter((r) => !(sameRepo(r, repo) && r.number === subject.number)).slice(0, MAX_LINKED_READS)
    : [];
  const linked = await Promise.all(
    linkable.map(async (ref): Promise<LinkedTicket> => {
      const label = referenceLabel(ref, repo);
      try {
        const { data } = await octokit.rest.issues.get({ owner: ref.owner, repo: ref.repo, issue_number: ref.number });
        const template = templateLines(await readTemplates(octokit, services, { owner: ref.owner, repo: ref.repo }, "issue"));
        return { ref: label, intent: judgeBody(data.body, rules, template) };
      } catch (error) {
        const status = (error as { status?: number }).status;
        if (status === 404 || status === 403 || status === 410) return { ref: label, unreadable: true };
        throw error;
      }
    }),
  );
  return { own: judgeBody(subject.body, rules, ownTemplate), linked, external: refs.external };
}

function sameRepo(a: RepoRef, b: RepoRef): boolean {
  return a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();
}
