/** The syntax tree of an HCL native syntax file. Every node keeps its 1-based line and column. */

import type { Position } from '../../types.js';

export interface Body {
  attributes: Attribute[];
  blocks: Block[];
}

export interface Attribute extends Position {
  name: string;
  expr: Expr;
}

export interface Block extends Position {
  type: string;
  labels: string[];
  body: Body;
  /** The line of the closing brace. */
  endLine: number;
}

export type TemplatePart =
  | { kind: 'lit'; value: string }
  | { kind: 'interp'; expr: Expr }
  | { kind: 'if'; cond: Expr; then: TemplatePart[]; else: TemplatePart[] }
  | { kind: 'for'; keyVar: string | null; valueVar: string; collection: Expr; body: TemplatePart[] };

export type Expr = Position &
  (
    | { kind: 'literal'; value: null | boolean | number | string }
    | { kind: 'template'; parts: TemplatePart[] }
    | { kind: 'tuple'; items: Expr[] }
    | { kind: 'object'; items: { key: Expr; value: Expr }[] }
    | { kind: 'variable'; name: string }
    | { kind: 'getattr'; target: Expr; name: string }
    | { kind: 'index'; target: Expr; key: Expr }
    /** `target[*].rest` / `target.*.rest`: `each` is applied to every element, rooted at a `splatItem`. */
    | { kind: 'splat'; target: Expr; each: Expr }
    | { kind: 'splatItem' }
    | { kind: 'call'; name: string; args: Expr[]; expand: boolean }
    | { kind: 'unary'; op: '!' | '-'; operand: Expr }
    | { kind: 'binary'; op: string; left: Expr; right: Expr }
    | { kind: 'conditional'; cond: Expr; then: Expr; else: Expr }
    | {
        kind: 'for';
        keyVar: string | null;
        valueVar: string;
        collection: Expr;
        /** Present for object results (`{for k, v in m : k => v}`). */
        keyExpr: Expr | null;
        valueExpr: Expr;
        cond: Expr | null;
        grouping: boolean;
      }
    | { kind: 'parens'; expr: Expr }
  );
