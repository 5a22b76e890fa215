/** The CLI's exit codes, the same for every subcommand. */
export const EXIT = {
  /** Answered; everything checked is met or valid. */
  ok: 0,
  /** Answered; something checked is missing or invalid. */
  unmet: 1,
  /** Nothing to answer: a usage error, an unreadable file, an invalid configuration, a failed git or API call. */
  usage: 2,
} as const;

export const EXIT_CODES_HELP = `
Exit codes:
  0  answered: all met, valid
  1  answered: something is missing or invalid
  2  usage error, unreadable file, invalid configuration, or a failed git or GitHub call`;
