/**
 * Switches for the call fast paths, for tests that compare them with the
 * general path (as codegenOptions does for compiled regions).
 */
export const callOptions = {
  /** run `name: procedure [expose names]` when the routine is entered (Interpreter.enterProcedure) */
  enterProcedure: true,
};
