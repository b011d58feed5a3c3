/**
 * An error the user can act on: bad usage, configuration or input. The CLI prints its
 * message as one line and exits 2; anything else is a bug.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An input file that cannot be read at all (not a row problem: those are rejections). */
export class InputError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** A rule's parameters have no value in force on the day of the work: the rule cannot assess it. */
export class NotInForceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotInForceError';
  }
}
