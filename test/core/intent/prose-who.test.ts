import { describe, expect, it } from "vitest";
import { configSchema, defaultConfig } from "../../../src/config/schema.js";
import { judgeBody, templateLines } from "../../../src/core/intent/judge.js";
import { issueFormText } from "../../../src/github/templates.js";
import { intentRules } from "../../../src/core/intent/rules.js";

const rules = intentRules(defaultConfig);
const WHY = "## Motivation\nCrash reports are lost whenever the app is killed in the background.\n\n";
const who = (body: string, template = "", r = rules) => judgeBody(WHY + body, r, templateLines(template ? [template] : [])).who;

describe("the who in plain prose", () => {
  it.each([
    ["Mobile developers shipping React Native apps lose crash reports when the process dies.", "Mobile developers shipping React Native apps lose"],
    ["Customers on EU Cloud who use session replay see an empty player.", "Customers on EU Cloud who use"],
    ["Screen reader users can't tell when the upload has finished.", "Screen reader users"],
    ["This mostly hurts people with slow connections in rural areas.", "people with slow connections in rural"],
    ["We keep hearing it from enterprise admins, who must re-invite everyone after SSO changes.", "enterprise admins"],
    ["- small teams using the free tier\n- nobody else", "small teams using the free tier"],
    ["It would benefit the Korean NLP community and its shared corpora.", "Korean NLP community"],
    ["Ward staff who share one login lose their drafts at every handover.", "Ward staff who share one login lose"],
    ["Survey crews mapping drainage ditches redraw the layer all day.", "Survey crews mapping drainage ditches redraw the"],
    ["It is meant for privacy officers preparing yearly breach reports.", "privacy officers preparing yearly breach reports"],
    ["For technical writers at companies that publish in two languages.", "technical writers at companies that publish in"],
    ["A few sysadmins on the Matrix channel asked for it.", "sysadmins on the Matrix channel asked"],
    ["It is mostly of interest to people already using the neo look.", "people already using the neo look"],
    ["Glyphs are blurry for anyone on a HiDPI laptop running GNOME.", "anyone on a HiDPI laptop running GNOME"],
    ["NGOs' field coordinators in Kenya and Tanzania who run the app offline lose their queue.", "NGOs' field coordinators in Kenya and Tanzania who"],
    ["Teaching assistants in the author's course who grade long notebooks see the lag.", "Teaching assistants in the author's course who"],
    ["The bookkeepers in our tax office merge duplex scans by hand.", "bookkeepers in our tax office merge"],
    ["Those of us on the security team who search CloudTrail dumps wait minutes.", "Those of us on the security team who search"],
    ["SREs running etcd for large clusters can't tell a defrag from a hang.", "SREs running etcd for large clusters"],
    ["It is for the homelab crowd running the agent on small hosts.", "homelab crowd running the agent on small"],
    ["Nurses and ward clerks at our hospital share workstations.", "ward clerks at our hospital share workstations"],
    ["For people like me who switched browsers because of RSI, the mouse hurts.", "people like me who switched browsers"],
    ["I'm a platform engineer on a team moving 200 workspaces to S3.", "platform engineer on a team moving 200"],
    ["I am an accountant at a small firm, and the export drops cents.", "accountant at a small firm"],
  ])("finds %j", (sentence, phrase) => {
    expect(who(sentence)).toMatchObject({ source: "prose", label: phrase });
  });

  it("quotes the whole sentence it read", () => {
    expect(who("Thanks! Screen reader users can't tell when the upload has finished. More below.")?.text).toBe("Screen reader users can't tell when the upload has finished.");
  });

  it.each([
    ["This lets users export their data.", "a bare noun names no one in particular"],
    ["Adds an index to the users table.", "a noun used as a modifier"],
    ["Are there customers on EU Cloud affected by this?", "a question states nothing"],
    ["```\nScreen reader users can't tell when it finished.\n```", "code"],
    ["> Screen reader users can't tell when it finished.", "a quote"],
    ["<!-- Screen reader users can't tell when it finished. -->", "a comment"],
    ["Our users, many of them, complained.", "a pronoun and a quantifier"],
    ["It would benefit the entire community and make the docs look great.", "all of a group is no kind of it"],
    ["The staff page lists every crew member.", "staff and crew as modifiers"],
    ["Our auditors asked for it.", "a possessive office, no kind of it"],
  ])("does not find %j (%s)", (body) => {
    expect(who(body)).toBeUndefined();
  });

  it("does not read text left unchanged from the template", () => {
    const template = "## Motivation\n\nDescribe the problem.\n\nPlease describe the users affected by this change in one sentence.\n";
    expect(who("Please describe the users affected by this change in one sentence.", template)).toBeUndefined();
    expect(who("Mobile developers on Android 14 lose every crash report.", template)).toBeDefined();
  });

  it("a stated who wins over prose; prose takes the place of a rejected one", () => {
    expect(who("Who: support agents answering tickets\n\nScreen reader users can't tell when it finished.")).toMatchObject({ source: "label" });
    const result = judgeBody(`${WHY}Who: TBD\n\nScreen reader users can't tell when it finished.`, rules, templateLines([]));
    expect(result.who).toMatchObject({ source: "prose" });
    expect(result.rejections).toEqual([]);
  });

  it("is configurable: off, or with other nouns", () => {
    const off = intentRules(configSchema.parse({ intent: { who: { prose: false } } }));
    expect(who("Screen reader users can't tell when it finished.", "", off)).toBeUndefined();
    const nurses = intentRules(configSchema.parse({ intent: { who: { nouns: ["nurses", "ward clerks"] } } }));
    expect(who("Night shift nurses re-enter every vital sign by hand.", "", nurses)).toMatchObject({ label: "Night shift nurses" });
    expect(who("Ward clerks at the front desk retype the address.", "", nurses)).toMatchObject({ label: "Ward clerks at the front desk retype" });
    expect(who("Screen reader users see no progress bar.", "", nurses)).toBeUndefined();
  });

  it("`who` as a list keeps meaning its aliases, with prose on and the default nouns", () => {
    const config = configSchema.parse({ intent: { who: ["beneficiaries"] } });
    expect(config.intent.who).toEqual(["beneficiaries"]);
    expect(config.intent.whoProse.enabled).toBe(true);
    expect(config.intent.whoProse.nouns).toContain("customers");
  });
});

describe("checklists", () => {
  it("a ticked task item is a checklist, not a who; a plain list item still counts", () => {
    expect(who("- [x] I have notified the maintainers of dependent packages")).toBeUndefined();
    expect(who("- maintainers of dependent packages break on every release")?.label).toMatch(/^maintainers of dependent packages/);
  });
});

describe("the who in prose, wider", () => {
  it.each([
    ["Exporting breaks for those users as soon as the file is large.", "those users"],
    ["The widget is unusable for some of their users on old Android phones.", "some of their users on old Android phones"],
    ["A large share of its users are blind and rely on the audio cues.", "A large share of its users"],
    ["Most of our customers run the agent behind a proxy.", "Most of our customers"],
    ["These maintainers triage every release by hand.", "These maintainers"],
  ])("finds a pointed or quantified group in %j", (sentence, phrase) => {
    expect(who(sentence)).toMatchObject({ source: "prose", label: phrase });
  });

  it.each([
    ["Our users like it.", "a possessive alone says no more than a bare noun"],
    ["It confused people enough that we got support tickets every week.", "a verb after its subject, not a kind of people"],
    ["I think users would love it.", "a verb after I, not a kind of users"],
    ["We miss users.*.create events that way.", "a dotted identifier, not people"],
    ["I'm a developer and I'd like this.", "the author's role with nothing saying which"],
    ["Users like me.", "the author among users, and nothing saying which"],
    ["We'd also like the controller to support the new Teams webhook format.", "a product's name, capitalised after a word in lower case"],
    ["Someone on the forum asked for this.", "one person, where they spoke"],
    ["Users still, as always, ask for it.", "an adverb that closes its clause"],
    ["This annoyed users for a year.", "a verb after its subject"],
    ["Many users asked for it.", "a quantifier without a group"],
    ["The users table gets an index.", "a determiner"],
  ])("does not find %j (%s)", (body) => {
    expect(who(body)).toBeUndefined();
  });

  it.each([
    ["As a developer working on a large admin app, I want the sidebar to remember its width.", "developer working on a large admin app"],
    ["As an SRE on call, I'd like the alert to link the runbook.", "SRE on call"],
  ])("reads the role of a user story without “so that”: %j", (story, persona) => {
    expect(who(story)).toMatchObject({ source: "user story", text: persona });
  });

  it("reads title case as words: an issue form's choice names people", () => {
    expect(who("### Who is this for?\n\nSystem Administrators")).toBeDefined();
    expect(who("Notify Data Engineers on the EU cluster when the export fails.")).toMatchObject({ source: "prose" });
  });

  it.each([["us, and probably others"], ["All users."], ["Everyone would benefit, developers would love it"], ["Me and probably others 😄"]])(
    "reads an answer to who that names anyone at all as no who: %j",
    (answer) => {
      const result = judgeBody(`### Who will this benefit?\n\n${answer}`, rules, templateLines([]));
      expect(result.who).toBeUndefined();
      expect(result.rejections).toContainEqual({ field: "who", label: "Who will this benefit?", reason: "anyone" });
    },
  );

  it("an answer to who that names a group is the who", () => {
    expect(judgeBody("### Who will this benefit?\n\nNight-shift nurses on shared tablets.", rules, templateLines([])).who).toMatchObject({ source: "heading" });
  });

  it("reads a persona of the project's own users as anyone, in that project only", () => {
    const story = "As a mypy user, I want stubs for the new module so that I can type-check it.";
    const mypy = judgeBody(story, { ...rules, project: "mypy" }, templateLines([]));
    expect(mypy.who).toBeUndefined();
    expect(mypy.rejections).toContainEqual({ field: "who", label: "As a …", reason: "anyone" });
    expect(judgeBody(story, { ...rules, project: "typeshed" }, templateLines([])).who).toMatchObject({ source: "user story", text: "mypy user" });
    expect(judgeBody("As a fish user, I want a center command so that I can center text.", { ...rules, project: "fish-shell" }, templateLines([])).who).toBeUndefined();
    expect(judgeBody("As an AdGuard Home user, I want sortable columns so that I can sort.", { ...rules, project: "AdGuardHome" }, templateLines([])).who).toBeUndefined();
  });

  it("keeps a qualifier in -ed that follows no subject", () => {
    expect(who("The invited users can't open the board until an admin approves them.")).toMatchObject({ source: "prose", label: "invited users" });
  });

  it.each([
    ["As a developer, I want `outdated --json` to include the deprecation message, so that the JSON output includes it.", "As a developer"],
    ["As a user I'd like the sidebar to remember its width.", "As a user"],
    ["As a customer, I want a dark theme so that the app is dark.", "As a customer"],
  ])("reads no who from a story whose persona is anyone: %j", (story) => {
    const result = judgeBody(story, rules, templateLines([]));
    expect(result.who).toBeUndefined();
    expect(result.rejections).toContainEqual({ field: "who", label: "As a …", reason: "anyone" });
  });

  it.each([
    ["As a result, I want to revisit this later.", "no persona before the comma that ends it"],
    ["As a developer I think this is fine.", "no comma, and no want: not the story's form"],
  ])("does not read %j as a story (%s)", (line) => {
    expect(who(line)?.source).not.toBe("user story");
  });

  it("reads a group named in an issue form's answer under any label, however short", () => {
    const form = "### Feature area\n\nData engineers on the EU cluster\n\n### Anything else?\n\n_No response_";
    expect(who(form)).toMatchObject({ source: "prose", label: "Data engineers on the EU cluster" });
    expect(who("### Feature area\n\nEngineers\n\n### Anything else?\n\n_No response_")).toBeUndefined();
  });
});

describe("a short answer to a who question", () => {
  it.each([
    ["### Who is this for?\n\nAdministrators", "Administrators"],
    ["Who: admins", "admins"],
    ["**Who would use it?**\n\nAn admin", "An admin"],
    ["### Who is affected?\n\nEnd users", "End users"],
  ])("%j names a group: the who", (body, text) => {
    expect(who(body)).toMatchObject({ text });
  });

  it.each([["### Who is this for?\n\nEveryone"], ["Who: me"], ["### Who is this for?\n\nNo response"]])("%j names none", (body) => {
    expect(who(body)).toBeUndefined();
  });

  it("a dropdown's chosen option is the author's answer, not the form's text", () => {
    const form = "body:\n  - type: dropdown\n    attributes:\n      label: Who is this for?\n      options: [Administrators, Developers]\n  - type: checkboxes\n    attributes:\n      label: Terms\n      options: [{ label: I searched existing issues }]\n";
    const lines = templateLines([issueFormText(form)]);
    expect(judgeBody(`${WHY}### Who is this for?\n\nAdministrators`, rules, lines).who).toMatchObject({ source: "heading", text: "Administrators" });
    expect(lines.has("i searched existing issues")).toBe(true);
  });

  it("a dropdown's option written as a sentence stays the form's text when chosen", () => {
    const option = "No, I don't have the time and I'm okay to wait for the community / maintainers to resolve this issue.";
    const form = `body:\n  - type: dropdown\n    attributes:\n      label: Are you willing to send a PR?\n      options:\n        - Yes, I will send one.\n        - >-\n          ${option.replace(" the community", "\n          the community")}\n`;
    const lines = templateLines([issueFormText(form)]);
    expect(judgeBody(`${WHY}### Are you willing to send a PR?\n\n${option}`, rules, lines).who).toBeUndefined();
    expect(judgeBody(`${WHY}### Are you willing to send a PR?\n\n${option}`, rules, templateLines([])).who).toBeDefined();
  });
});

describe("groups named without a listed noun, and words that name no one", () => {
  it.each([
    ["Veterinary technicians on night shifts lose the chart when the tablet sleeps.", "Veterinary technicians on night shifts lose the"],
    ["Sports journalists filing from stadiums need a smaller upload.", "Sports journalists filing from stadiums need a"],
    ["It is for librarians cataloguing rare books.", "librarians cataloguing rare books"],
    ["Mostly for gardeners who keep seed records.", "gardeners who keep seed records"],
    ["Solo devs shipping on old laptops can't profile a frame.", "Solo devs shipping on old laptops can't"],
    ["Many of the curators of small museums told us the import drops every caption.", "Many of the curators of small museums told us"],
    ["The depot is short-staffed, and those couriers can't tell which parcel is next.", "those couriers"],
    ["Each release week the overnight support engineer spends hours retagging tickets.", "overnight support engineer"],
    ["Diners on slow hotel Wi-Fi abandon the booking form before it loads.", "Diners on slow hotel Wi-Fi abandon"],
  ])("finds %j", (sentence, phrase) => {
    expect(who(sentence)).toMatchObject({ source: "prose", label: phrase });
  });

  it.each([
    ["Shared playlists on the home page load twice.", "a compound of lists names things"],
    ["The setting persists across restarts and exists for every profile.", "verbs ending in -ists"],
    ["New entries go to docs/users/guide.md and site/teams/index.md.", "a path's folders"],
    ["Commenting out members until the build passes is the only option.", "a particle is no qualifier"],
    ["Keeps the sticky header in split editors too.", "editors are software here"],
    ["The devs channel gets the alert.", "a group noun after a determiner"],
    ["Some of the background workers wait on the queue while the nested selectors lose specificity.", "things that wait and lose"],
    ["Many of the failing requests can't be retried.", "a plural that can't is not a person"],
    ["The legacy reader can't open the file and the sync agent has to retry.", "one listed noun that is software here"],
    ["Moderators told us about it.", "a role with no qualifier"],
  ])("does not find %j (%s)", (sentence) => {
    expect(who(sentence)).toBeUndefined();
  });

  it.each([
    ["As a payroll clerk I'd like the export to keep leading zeros.", "payroll clerk"],
    ["As someone with a tremor, I can't hit the small close button.", "someone with a tremor"],
  ])("reads a story's role %j", (story, persona) => {
    expect(who(story)).toMatchObject({ source: "user story", text: persona });
  });

  it.each([
    ["As a packager of Ruby 2.7 gems, I want a frozen lockfile.", "packager of Ruby 2.7 gems"],
    ["As a game modder, I want `[mods]` tables merged by key.", "game modder"],
    ["As a tester keeping 3,500 cases green, I want sharding by file.", "tester keeping 3,500 cases green"],
    ["As an owner of 12 Vue.js sites, I want one shared config so that upgrades take an hour.", "owner of 12 Vue.js sites"],
  ])("reads a story's role beside a version, a count, a dotted name or a bracketed word: %j", (story, persona) => {
    expect(who(story)).toMatchObject({ source: "user story", text: persona });
  });

  it.each(["As a [role], I want to export my data.", "As a tester I want [feature] and [benefit]."])("reads no role from a template's slots: %j", (story) => {
    expect(judgeBody(story, rules, templateLines([])).who).toBeUndefined();
  });

  it("does not read a template's story with its slots unfilled", () => {
    const result = judgeBody("As an admin of a shared cluster I want [goal / wish] so that [benefit].", rules, templateLines([]));
    expect(result.who).toBeUndefined();
    expect(result.why).toBeUndefined();
  });
});

describe("a pronoun made a group by a who clause", () => {
  it.each([
    ["Anyone who deploys with the Helm chart gets the old image tag.", "Anyone who deploys with the Helm chart"],
    ["Those of us who review translations by hand lose the context of each string.", "Those of us who review translations by hand lose"],
    ["It hurts most of you who run the agent behind a proxy.", "most of you who run the agent behind a"],
    ["Everyone whose repository uses LFS sees a blank diff.", "Everyone whose repository uses LFS sees a"],
  ])("finds %j", (sentence, phrase) => {
    expect(who(sentence)).toMatchObject({ source: "prose", label: phrase });
  });

  it.each([
    ["Anyone can reproduce it with the snippet below.", "a pronoun with no who clause"],
    ["Everyone who can.", "a who clause that says nothing of them"],
    ["Many of us, who knows why, skip the step.", "the clause is set off by a comma"],
    ["Who of us runs the agent behind a proxy?", "a question"],
  ])("does not find %j (%s)", (sentence) => {
    expect(who(sentence)).toBeUndefined();
  });
});

describe("a pronoun made a group by a participle", () => {
  it.each([
    ["Anyone uploading photos from an older iPhone gets a HEIC error.", "Anyone uploading photos from an older iPhone"],
    ["It breaks for those running the agent on ARM hosts.", "those running the agent on ARM hosts"],
    ["Anyone using it behind a proxy sees a blank page.", "Anyone using it behind a proxy sees"],
  ])("finds %j", (sentence, phrase) => {
    expect(who(sentence)).toMatchObject({ source: "prose", label: phrase });
  });

  it.each([
    ["Everyone using it would be glad.", "the participle says nothing of them"],
    ["Anyone being careful avoids it.", "'being' says no one in particular"],
  ])("does not find %j (%s)", (sentence) => {
    expect(who(sentence)).toBeUndefined();
  });
});

describe("roles named without a listed noun", () => {
  it.each([
    ["This would help new hires.", "new hires"],
    ["Family members I invite to an album can't see its videos.", "Family members"],
    ["The sign-up desk is run by volunteers from the local library.", "volunteers from the local library"],
    ["Elderly patients on the ward can't read the small print.", "Elderly patients on the ward can't read"],
    ["Folks on metered mobile plans pay for every sync.", "Folks on metered mobile plans pay"],
    ["Night-shift folks miss the second alarm.", "Night-shift folks"],
  ])("finds %j", (sentence, phrase) => {
    expect(who(sentence)).toMatchObject({ source: "prose", label: phrase });
  });

  it.each([
    ["Walking up a deep node's parents is slow.", "a node's parents are no people"],
    ["Two thousand users hit the limit last week.", "a count says how many, not which"],
    ["The newly added checks are mostly green.", "an adverb is no qualifier"],
    ["When moderators rotate the key, nothing warns them.", "a conjunction is no qualifier"],
    ["Thanks, folks!", "folks with nothing saying which"],
  ])("does not find %j (%s)", (sentence) => {
    expect(who(sentence)).toBeUndefined();
  });
});

describe("groups that are not the people the work is for", () => {
  it.each([
    ["API clients can't tell which field failed.", "programs"],
    ["gRPC consumers reconnect in a loop.", "programs"],
    ["The sync job fetched each project's members one page at a time.", "records a verb handles"],
    ["It imports all the customers from the old shop.", "records a verb handles"],
    ["A few people in Discord asked about it.", "whoever spoke somewhere"],
    ["Requested by several users on the forum.", "whoever spoke somewhere"],
    ["+1 from dozens of people in that thread", "whoever spoke in a place pointed at"],
    ["Our billing consumers were OOM-killed twice last night.", "programs that crash"],
    ["Checkout clients time out after 30 s.", "programs that time out"],
  ])("does not find %j (%s)", (sentence) => {
    expect(who(sentence)).toBeUndefined();
  });

  it.each([
    ["Support agents answering tickets can't see the order history.", "Support agents answering tickets can't see the"],
    ["Requested by users of the Windows installer.", "users of the Windows installer"],
    ["Users in chat rooms with 500 members miss their mentions.", "Users in chat rooms with 500"],
    ["Admins who import users from LDAP re-run the sync by hand.", "Admins who import users from LDAP"],
    ["Enterprise clients complained that the invoices crashed their import.", "Enterprise clients"],
    ["People in that thread's first reply run it on ARM.", "People in that thread's first reply"],
  ])("finds %j", (sentence, phrase) => {
    expect(who(sentence)).toMatchObject({ source: "prose", label: phrase });
  });
});

describe("groups named by a community, a craft, a fraction, or by us", () => {
  it.each([
    ["It would be great for the Brazilian Go community to have it.", "Brazilian Go community"],
    ["Practitioners training speech models on noisy call-centre audio hit this weekly.", "Practitioners training speech models on noisy"],
    ["Roughly a quarter of the volunteers are on tablets.", "a quarter of the volunteers"],
    ["For those of us running the gateway on read-only disks, the cache path is a problem.", "those of us running the gateway on read-only disks"],
    ["Self-hosting relay runners brought this up in #88.", "Self-hosting relay runners"],
    ["Hobby telescope tinkerers voted for it in the poll.", "Hobby telescope tinkerers"],
  ])("finds %j", (sentence, phrase) => {
    expect(who(sentence)).toMatchObject({ source: "prose", label: phrase });
  });

  it.each([
    ["The community has wanted this for years.", "a bare community names no one in particular"],
    ["About a third of the runs fail.", "a fraction of things"],
    ["Those of us using it think it is fine.", "a participle that says no which"],
    ["The release bot brought up the version.", "a verb of raising with no group"],
  ])("does not find %j (%s)", (sentence) => {
    expect(who(sentence)).toBeUndefined();
  });
});

describe("a group a praise is for", () => {
  it("finds a plural doing what people do after 'useful for'", () => {
    expect(who("Would be useful for photographers working with RAW files from older cameras.")).toMatchObject({ source: "prose", label: "photographers working with RAW files from" });
  });

  it.each([
    ["Would be useful for datasets containing gaps at uneven depths.", "data, not people"],
    ["Would be useful for photographers.", "no qualifier says which"],
    ["Sent to photographers working with RAW files.", "no praise before 'for'"],
  ])("does not find %j (%s)", (sentence) => {
    expect(who(sentence)).toBeUndefined();
  });
});

describe("round 18: who", () => {
  const asked = (answer: string) => judgeBody(`### Who benefits from this change?\n\n${answer}`, rules, templateLines([])).who;

  it.each([["Me and my team 🙂"], ["Our SRE team mostly."], ["my data platform team"]])("an answer naming only the author's own team is no audience: %j", (answer) => {
    expect(asked(answer)).toBeUndefined();
  });

  it("an answer naming the team's customers is", () => {
    expect(asked("Our customers on the EU cloud.")).toBeDefined();
  });

  it.each([
    ["Written for undergraduates in a first statistics course who have never used Python."],
    ["The paralegals at the firms that use it search all day."],
    ["Brazilian streamers running their own server."],
    ["Audiobook narrators submitting to ACX."],
  ])("more nouns of people: %j", (sentence) => {
    expect(who(sentence)).toBeDefined();
  });

  it.each([
    ["another subject before the verb", "When the dismiss event fires we can't tell which button closed the sheet."],
    ["a joined verb of the author's", "I mute noisy rooms during focus time and then forget to unmute them."],
    ["a verb of counting read as a qualifier", "The status endpoint counted viewers by walking every connection."],
  ])("no group when %s", (_shape, sentence) => {
    expect(who(sentence)).toBeUndefined();
  });

  it.each([
    ["a plural that does what people do", "Moderators of large rooms told us the queue is unusable."],
    ["a noun that is also a verb of data", "It is handy for Shopify store owners who embed the script through the theme editor."],
  ])("still a group: %s", (_shape, sentence) => {
    expect(who(sentence)).toBeDefined();
  });
});

describe("round 19: who", () => {
  it.each([
    ["Written for the Spanish-speaking teenagers in my after-school coding club."],
    ["First-time coders in workshops lose the whole exercise."],
    ["Aimed at Rubyists writing their first custom cop."],
    ["The editors on our news desk who write headlines in Hindi and Thai."],
  ])("a group: %j", (sentence) => {
    expect(who(sentence)).toBeDefined();
  });

  it.each([
    ["two people", "The edit had to be done from the mixed track, with both of us talking over each other."],
    ["a community's meeting", "Makes the code cleaner, as discussed in the last community call."],
  ])("no group: %s", (_shape, sentence) => {
    expect(who(sentence)).toBeUndefined();
  });

  it("a community named by what it does is still one", () => {
    expect(who("The Korean NLP community trains its own tokenizers.")).toBeDefined();
  });
});

describe("round 20: who", () => {
  it.each([
    ["The maintenance planners at our plants compare shifts by hand."],
    ["Shoppers on budget Android phones leave before the page loads."],
  ])("a group: %j", (sentence) => {
    expect(who(sentence)).toBeDefined();
  });

  it.each([
    ["programs that retry", "In that window our Telegraf agents keep retrying until their buffers fill up."],
    ["records deleted", "We deleted a batch of customers in production by mistake."],
  ])("no group: %s", (_shape, sentence) => {
    expect(who(sentence)).toBeUndefined();
  });

  it.each([
    ["As a developer using UnoCSS, I want a starting variant so that I can use it.", "unocss"],
    ["As an antd user, I want a tree select that filters so that it filters.", "ant-design"],
  ])("a persona of the project's users is anyone: %j", (story, project) => {
    expect(judgeBody(`### Problem\n\n${story}`, { ...rules, project }, templateLines([])).who).toBeUndefined();
  });

  it("a persona of the project's users with more said is a who", () => {
    expect(judgeBody("### Problem\n\nAs a developer using UnoCSS on a 40-package monorepo, I want a shared preset.", { ...rules, project: "unocss" }, templateLines([])).who).toBeDefined();
  });
});

describe("round 21: who", () => {
  it("a persona with an aside in brackets, commas and all, is a who", () => {
    const found = judgeBody("### Problem\n\nAs a backend developer on a schema-per-tenant SaaS (one schema per customer, about 900 of them), I want to pass a search path.", rules, templateLines([]));
    expect(found.who).toBeDefined();
  });

  it.each([
    ["tenants, which are accounts", "We keep 13 months of data for our production tenants."],
    ["the project's own maintainers", "I hope the MicroPython maintainers will implement this feature."],
  ])("no group: %s", (_shape, sentence) => {
    expect(who(sentence)).toBeUndefined();
  });

  it.each([["Maintainers of small Helm charts who publish to a private registry lose the index."], ["The Debian maintainers who package it patch the path by hand."]])("maintainers said which are a group: %j", (sentence) => {
    expect(who(sentence)).toBeDefined();
  });
});

describe("round 22: who", () => {
  it("a statement before a question's colon names its group", () => {
    expect(who("I'm asking for the React Native developers at our company who inspect the cache in Flipper: could the tab show its size?")).toBeDefined();
    expect(who("Could the tab show its size for the React Native developers at our company who inspect the cache?")).toBeUndefined();
  });

  it.each([
    ["machines sized by memory", "On our 512 MB agents the process was killed mid-pipeline about once a day."],
    ["things asked for, in the passive", "QWERTZ and the Nordic layouts will be asked for next."],
  ])("no group: %s", (_shape, sentence) => {
    expect(who(sentence)).toBeUndefined();
  });

  it.each([["It's written for makers coming over from the Arduino TFT_eSPI library."], ["Moderators of large open communities asked for it twice."]])("a group: %j", (sentence) => {
    expect(who(sentence)).toBeDefined();
  });
});

describe("round 23: who", () => {
  it.each([
    ["Dispatchers at the taxi company assign rides from a frozen map after every deploy."],
    ["The integration team at our company runs the nightly collection."],
    ["The claims handlers at our insurance company lose drafts."],
    ["The QA testers on our payments team count requests by hand."],
  ])("doers where they work are a group: %j", (sentence) => {
    expect(who(sentence)).toBeDefined();
  });

  it.each([
    ["things in a team", "The flaky tests on our payments team fail twice a week."],
    ["programs asking a server", "During the backup window the backup agents request fresh credentials for every bucket."],
    ["a team with no place", "The integration team reviews it."],
  ])("no group: %s", (_shape, sentence) => {
    expect(who(sentence)).toBeUndefined();
  });
});

describe("round 24: who", () => {
  it.each([
    ["The dispatchers at the county ambulance service we build the console for see stale units."],
    ["The editors at our publishing house preview their articles locally."],
    ["I'm asking on behalf of the volunteer editors of a village newsletter whose website I look after."],
    ["The kids in the after-school manga club I run read right to left."],
  ])("a group: %j", (sentence) => {
    expect(who(sentence)).toBeDefined();
  });

  it.each([
    ["a handler in a code service", "ListUsers in the user service v2 crashes on a nil pointer."],
    ["one unnamed person", "We only found out when an account manager asked where the form was."],
    ["software editors", "Text editors and normal editors both ignore it."],
    ["children of a tree", "It skips the unmodified draft's children and the source children."],
  ])("no group: %s", (_shape, sentence) => {
    expect(who(sentence)).toBeUndefined();
  });
});
