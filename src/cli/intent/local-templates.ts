import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { TemplateSource } from "../../github/templates.js";

/** A checkout on disk as a template source: the same paths the app reads on GitHub. */
export function localTemplateSource(root: string): TemplateSource {
  return {
    list: (dir) => {
      try {
        return Promise.resolve(readdirSync(join(root, dir), { withFileTypes: true }).map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name)));
      } catch {
        return Promise.resolve([]);
      }
    },
    read: (path) => {
      try {
        return Promise.resolve(readFileSync(join(root, path), "utf8"));
      } catch {
        return Promise.resolve(undefined);
      }
    },
  };
}
