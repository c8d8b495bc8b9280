export interface RequiredTool {
  /** What is missing, as a person would name it: `sqlmap`, `Redis`. */
  name: string;
  /** How to get it on this machine, e.g. `apt-get install sqlmap`. */
  install: string;
  /** The tests that cannot run without it. */
  neededFor: string;
}

/**
 * The `describe` to declare a suite with, given whether the tool it needs is here. A missing tool must not
 * let a suite pass green: under CI=true it throws, failing the test file with the tool's name and how to
 * install it; elsewhere it prints a loud warning and the suite is reported as skipped.
 */
export function requireTool(tool: RequiredTool, isAvailable: boolean): jest.Describe {
  if (isAvailable) return describe;
  const missing = `${tool.name} is missing. Install it: ${tool.install}.`;
  if (process.env.CI === 'true') {
    throw new Error(
      `Cannot run ${tool.neededFor}: ${missing} Under CI=true a missing tool fails the run; .ci/run provides it.`,
    );
  }
  console.warn(`\n!!! SKIPPING ${tool.neededFor.toUpperCase()}: ${missing} Under CI=true this fails.\n`);
  return describe.skip;
}
