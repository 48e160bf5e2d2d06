/**
 * `vmrexx serve`: consoles for browsers and 3270 emulators (issue 9).
 * Wired to the console core in a later step; until then it says so.
 */
export async function serveMain(args: string[]): Promise<number> {
  void args;
  process.stderr.write('vmrexx serve: not available in this build yet\n');
  return 2;
}
