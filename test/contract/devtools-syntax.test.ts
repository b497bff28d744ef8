/**
 * The mini program's own TypeScript (miniprogram/; the login package reaches it compiled, from
 * miniprogram_npm) is compiled by
 * WeChat DevTools / miniprogram-ci with their own, older Babel pipeline, which rejects syntax
 * newer than it knows: `satisfies` (TS 4.9) broke it. Each file is parsed with TypeScript and
 * any construct from that newer set is reported with its position.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const MINIPROGRAM = path.resolve(__dirname, '../../miniprogram');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'miniprogram_npm') return [];
    if (statSync(full).isDirectory()) return tsFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** What older DevTools Babel cannot parse, by the TypeScript version that introduced it. */
function newerSyntax(node: ts.Node): string | null {
  if (ts.isSatisfiesExpression(node)) return '`satisfies` (TS 4.9)';
  if (
    ts.isTypeParameterDeclaration(node) &&
    node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ConstKeyword)
  ) {
    return 'const type parameter (TS 5.0)';
  }
  if (
    ts.canHaveModifiers(node) &&
    ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.AccessorKeyword)
  ) {
    return '`accessor` field (TS 4.9)';
  }
  if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.Using) !== 0) {
    return '`using` declaration (TS 5.2)';
  }
  return null;
}

function findings(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const what = newerSyntax(node);
    if (what) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${path.relative(MINIPROGRAM, file)}:${line + 1} ${what}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = tsFiles(MINIPROGRAM);

it('finds the mini program sources', () => {
  expect(files).toContain(path.join(MINIPROGRAM, 'pages/profile/index.ts'));
  expect(files.length).toBeGreaterThan(15);
});

it('no file uses syntax newer than DevTools’ Babel accepts', () => {
  expect(files.flatMap(findings)).toEqual([]);
});

it('the check itself catches `satisfies` (the construct that broke DevTools)', () => {
  const probe = ts.createSourceFile(
    'probe.ts',
    'export const a = { b: 1 } satisfies object;',
    ts.ScriptTarget.Latest,
    true,
  );
  const kinds: string[] = [];
  const visit = (node: ts.Node) => {
    const what = newerSyntax(node);
    if (what) kinds.push(what);
    ts.forEachChild(node, visit);
  };
  visit(probe);
  expect(kinds).toEqual(['`satisfies` (TS 4.9)']);
});
