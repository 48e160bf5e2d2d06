/**
 * The REXX abstract syntax: expressions as trees, and a program as a FLAT array
 * of clauses with resolved jump targets (the ooRexx model, STYLE.md §6): DO/END,
 * IF/ELSE and SELECT/WHEN become clauses with indexes, so SIGNAL to a label,
 * TRACE line numbering and CALL to an internal label need no tree walking.
 */

export type Expr =
  | { k: 'lit'; v: string } // string literal or constant symbol (value fixed)
  | { k: 'var'; name: string } // simple symbol (upper case)
  | { k: 'stem'; name: string } // stem 'A.'
  | { k: 'comp'; stem: string; tail: TailPart[]; name: string } // compound A.B.1
  | { k: 'call'; name: string; quoted: boolean; args: (Expr | null)[] }
  | { k: 'bin'; op: string; l: Expr; r: Expr }
  | { k: 'concat'; blank: boolean; l: Expr; r: Expr }
  | { k: 'pre'; op: '+' | '-' | '\\'; e: Expr };

/** A tail element: a constant part or a simple symbol whose value is substituted. */
export type TailPart = { c: string } | { v: string };

/** Target of an assignment, DROP, EXPOSE, PARSE: a variable reference. */
export type VarRef =
  | { k: 'var'; name: string }
  | { k: 'stem'; name: string }
  | { k: 'comp'; stem: string; tail: TailPart[]; name: string };

// ---- PARSE templates (ANSI §7.4.x "Parsing") ----
export type TemplateItem =
  | { k: 'target'; ref: VarRef | null } // null = '.' placeholder
  | { k: 'lit'; v: string } // literal string pattern
  | { k: 'varpat'; ref: VarRef } // (var) string pattern
  | { k: 'abs'; e: Expr } // absolute position: number, =n, =(v)
  | { k: 'rel'; sign: 1 | -1; e: Expr }; // +n, -n, +(v), -(v)

/** One template per comma-separated argument. */
export type Template = TemplateItem[][];

export type ConditionName = 'ERROR' | 'FAILURE' | 'HALT' | 'NOVALUE' | 'NOTREADY' | 'SYNTAX' | 'LOSTDIGITS';

export interface DoSpec {
  kind: 'simple' | 'forever' | 'count' | 'ctrl';
  count?: Expr; // DO expr
  ctrl?: VarRef; // control variable
  start?: Expr;
  to?: Expr;
  by?: Expr;
  for?: Expr;
  /** order in which TO/BY/FOR were written: they are evaluated in that order */
  order: ('to' | 'by' | 'for')[];
  whileE?: Expr;
  untilE?: Expr;
}

export type ParseSource =
  | { k: 'arg' }
  | { k: 'pull' }
  | { k: 'external' }
  | { k: 'linein' }
  | { k: 'numeric' }
  | { k: 'source' }
  | { k: 'version' }
  | { k: 'var'; ref: VarRef }
  | { k: 'value'; e: Expr | null };

export type Clause = { line: number; text?: string } & (
  | { k: 'nop' }
  | { k: 'label'; name: string }
  | { k: 'assign'; ref: VarRef; e: Expr }
  | { k: 'say'; e: Expr | null }
  | { k: 'command'; e: Expr }
  | { k: 'if'; e: Expr; elseIdx: number } // jump to elseIdx when false
  | { k: 'jump'; to: number; what: 'else' | 'endwhen' } // unconditional (end of THEN branch)
  | { k: 'do'; spec: DoSpec; endIdx: number; label?: string }
  | { k: 'end'; doIdx: number; name?: string; select?: boolean }
  | { k: 'select'; endIdx: number; otherwiseIdx: number }
  | { k: 'when'; e: Expr; nextIdx: number; selectIdx: number }
  | { k: 'otherwise'; selectIdx: number }
  | { k: 'leave' | 'iterate'; name?: string }
  | { k: 'exit'; e: Expr | null }
  | { k: 'return'; e: Expr | null }
  | { k: 'call'; name: string; quoted: boolean; args: (Expr | null)[] }
  | { k: 'callon'; on: boolean; cond: ConditionName; label?: string }
  | { k: 'signal'; name: string }
  | { k: 'signalvalue'; e: Expr }
  | { k: 'signalon'; on: boolean; cond: ConditionName; label?: string }
  | { k: 'drop'; refs: DropItem[] }
  | { k: 'interpret'; e: Expr }
  | { k: 'numeric'; what: 'digits' | 'fuzz' | 'form'; e: Expr | null; form?: 'SCIENTIFIC' | 'ENGINEERING' }
  | { k: 'options'; e: Expr }
  | { k: 'parse'; upper: boolean; lower?: boolean; src: ParseSource; tpl: Template }
  | { k: 'procedure'; expose: DropItem[] | null }
  | { k: 'push' | 'queue'; e: Expr | null }
  | { k: 'address'; env?: string; cmd?: Expr; value?: Expr } // no operands: swap
  | { k: 'trace'; e: Expr | null; setting?: string }
  | { k: 'upper'; refs: VarRef[] }
  | { k: 'error'; err: import('./errors.js').RexxError } // a clause that failed to parse: raises when reached
);

/** DROP/EXPOSE items: a variable, or (name) meaning "the variables listed in name's value". */
export type DropItem = { k: 'ref'; ref: VarRef } | { k: 'indirect'; ref: VarRef };

export interface Program {
  /** path or name of the source, for messages */
  name: string;
  clauses: Clause[];
  /** label name -> first clause index with that label */
  labels: Map<string, number>;
  /** source lines (for SOURCELINE and trace) */
  lines: string[];
  /** the evaluator's compiled clauses, made on first use (evaluator/interpreter.ts) */
  compiled?: unknown[];
}

/** A clause without its position fields (what an instruction parser builds). */
export type ClauseBody = Clause extends infer C ? (C extends unknown ? Omit<C, 'line' | 'text'> : never) : never;
