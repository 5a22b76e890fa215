type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Merges config files, later ones winning. Objects merge key by key; arrays and
 * scalars are replaced whole, so a repository can shorten a list it inherits
 * (Probot's default merge would concatenate it).
 */
export function mergeConfigs(configs: readonly Plain[]): Plain {
  // Prototype-less, so a key named `__proto__` is kept (and reported as unknown) rather than obeyed.
  const result = Object.create(null) as Plain;
  for (const config of configs) {
    for (const [key, value] of Object.entries(config)) {
      const current = result[key];
      result[key] = isPlainObject(current) && isPlainObject(value) ? mergeConfigs([current, value]) : value;
    }
  }
  return result;
}
