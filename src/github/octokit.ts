import { ProbotOctokit } from "probot";
import { onLimit } from "./rate-limits.js";

/**
 * The app's Octokit: Probot's, with rate limits honoured. Writes stay at one
 * a second per installation (60 a minute, under GitHub's 80) through the
 * throttling plugin's write queue, shared by every instance through Redis
 * when `REDIS_URL` is set (Probot connects the plugin to it).
 */
export const IntentbotOctokit = ProbotOctokit.defaults((options: { throttle?: Record<string, unknown> }) => ({
  ...options,
  throttle: { ...options.throttle, onRateLimit: onLimit("primary"), onSecondaryRateLimit: onLimit("secondary") },
}));
