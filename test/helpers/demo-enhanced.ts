/**
 * What one unbounded `enhance` of the thin demo config reaches with the rules analyst on the local
 * backend (passed questions of the final full scoring). test/cli/enhance-command.test.ts runs that
 * loop and pins its trajectory to these numbers; the resume test compares two budgeted runs with
 * them, so the suite runs the unbounded loop once, not twice.
 */
export const DEMO_UNBOUNDED_FINAL = { train: 31, trainUntaught: 31, holdout: 11 } as const;
