/** What people write in the workload's issues, pull requests and comments: a few of each kind, used in turn. */

export const STATED_ISSUES = [
  "## Why\nRefunds take a week by email today, and customers call support to ask where their money is.\n\n## Who\nSupport agents handling refund requests every day.",
  "Customers paying in two currencies cannot check out: the page and the charge disagree on the total.\n\nWho: shoppers abroad paying in their own currency.",
  "## Problem\nInvoices are generated at midnight UTC, so teams in Asia see yesterday's numbers all morning.\n\n## Users\nFinance leads in the APAC offices who reconcile invoices before lunch.",
];

export const UNSTATED_ISSUES = ["Dark mode please", "The export button is broken.", "", "Upgrade the date library.\n\nSee title."];

export const STATED_PULL_REQUESTS = [
  "## Why\nCheckout fails for customers paying in two currencies, so charges and the page must agree.\n\n## Who\nShoppers abroad paying in their own currency.",
  "Support agents wait minutes for the refunds page to load when a customer has many orders; this pages the list.\n\nWho: support agents on the refunds desk.",
];

export const PLAIN_PULL_REQUESTS = ["Small fix.", "Bump dependencies.", ""];

export const HACK_BODIES = [
  "## Hack\nPrices are hard-coded for the launch demo.\n\nRebuild by: 2027-01-15\nRebuild estimate: 2w",
  "## Hack\nThe CSV export reads the whole table into memory until the streaming export lands.\n\nRebuild estimate: 3d",
];

export const CHATTER = ["Thanks, looking at this today.", "Can you add a screenshot?", "LGTM once the tests pass.", "I see the same on Firefox.", "Is this still happening on main?"];

/** The `n`-th of `items` (never empty), cycling. */
export function nth<T>(items: readonly T[], n: number): T {
  return items[n % items.length] as T;
}
