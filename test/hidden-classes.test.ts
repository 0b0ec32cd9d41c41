import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// An object literal that adds keys after a spread gets a hidden class of its own every
// time on Node 20 (src/shared/objects.ts says what that costs). On the paths a request
// takes, such copies are made with withFields or written as literals that name their
// fields. Analytics and the demo make a handful of such objects a run and may spread
// freely; the CLI runs once.
const ROOT = path.resolve(import.meta.dirname, '..');
const REQUEST_PATHS = /^src\/(db|http|jobs|shared|workflows|modules\/(auth|commerce|customers|imports|loyalty|stores|webhooks))\//;

describe('objects on the request paths keep their hidden classes', () => {
  it('adds no key after a spread in an object literal', () => {
    const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const files = config.fileNames.filter((f) => REQUEST_PATHS.test(path.relative(ROOT, f)) && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(50);
    const program = ts.createProgram(files, config.options);
    const checker = program.getTypeChecker();
    const found: string[] = [];
    for (const file of files) {
      const source = program.getSourceFile(file)!;
      const visit = (node: ts.Node) => {
        if (ts.isObjectLiteralExpression(node)) {
          for (const added of keysAddedAfterSpread(node, checker)) {
            const { line } = source.getLineAndCharacterOfPosition(node.getStart());
            found.push(`${path.relative(ROOT, file)}:${line + 1} adds ${added}`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found, 'write these with withFields (src/shared/objects.ts) or as literals that name their fields').toEqual([]);
  });
});

/** Keys an object literal adds after its first spread, where the spread objects may not have them. */
function keysAddedAfterSpread(literal: ts.ObjectLiteralExpression, checker: ts.TypeChecker): string[] {
  const present = new Set<string>();
  const added: string[] = [];
  let spread = false;
  for (const property of literal.properties) {
    if (ts.isSpreadAssignment(property)) {
      // A spread of one object or another (`...(cond ? { errors } : {})`) adds keys some times and not others.
      let spreadOf: ts.Expression = property.expression;
      while (ts.isParenthesizedExpression(spreadOf)) spreadOf = spreadOf.expression;
      const type = checker.getTypeAtLocation(spreadOf);
      if ((ts.isConditionalExpression(spreadOf) || ts.isBinaryExpression(spreadOf)) && type.isUnion() && literal.properties.length > 1) {
        const keysOf = (t: ts.Type) => checker.getPropertiesOfType(checker.getApparentType(t)).map((symbol) => symbol.name).sort().join(',');
        const shapes = new Set(type.types.map(keysOf));
        if (shapes.size > 1) added.push(`${[...shapes].filter(Boolean).join(' or ')} (by a conditional spread)`);
      }
      // Only the keys the type says are always there: an optional one may be missing at run time.
      const keys = checker
        .getPropertiesOfType(checker.getApparentType(checker.getTypeAtLocation(property.expression)))
        .filter((symbol) => !(symbol.flags & ts.SymbolFlags.Optional))
        .map((symbol) => symbol.name);
      if (spread) added.push(...keys.filter((k) => !present.has(k)).map((k) => `${k} (by a second spread)`));
      for (const k of keys) present.add(k);
      spread = true;
      continue;
    }
    const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
    if (!spread) {
      if (name) present.add(name);
    } else if (!name || !present.has(name)) added.push(name ?? 'a computed key');
  }
  return added;
}
