/**
 * Switches for the call fast paths, for tests that compare them with the
 * general path (as codegenOptions does for compiled regions).
 */
export const callOptions = {
  /** run `name: procedure [expose names]` when the routine is entered (Interpreter.enterProcedure) */
  enterProcedure: true,
  /** ... and a PARSE ARG of simple variables right after the PROCEDURE with it (arg-names.ts argPlan) */
  enterArgs: true,
  /** PARSE ARG of simple variables only sets them directly (arg-names.ts); read when the clause is compiled */
  argNames: true,
  /** PROCEDURE EXPOSE of names and stems only from a plan made once per list (expose-plan.ts) */
  exposePlan: true,
};
