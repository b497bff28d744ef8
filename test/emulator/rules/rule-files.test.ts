/**
 * Rule files: what production refuses stops the emulator at start with one line naming the file
 * and the problem; a file changed while running is picked up; hostile rules and queries fail
 * cleanly. Expressions are parsed into a tree, never run as code.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmulatorStartError, startEmulator } from '../../../emulator/src/index';
import { compileRule, RuleFileError } from '../../../emulator/src/rules/rule-file';
import { outcomeOf, startRulesHarness } from './support';

const refusals: [string, unknown, RegExp][] = [
  ['an unknown key', { reed: true }, /unknown key "reed"/],
  [
    'an expression over 1024 characters',
    { read: `auth.openid == '${'x'.repeat(1020)}'` },
    /more than 1024/,
  ],
  ['bad syntax', { read: 'doc.a ==' }, /"read": Expected expression/],
  [
    'more than 3 get()',
    { read: [1, 2, 3, 4].map((i) => `get(\`database.c.${i}\`).ok`).join(' && ') },
    /4 get\(\) calls, more than 3/,
  ],
  [
    'get() nested three deep',
    { read: 'get(`database.a.${get(`database.b.${get(`database.c.x`).y}`).z}`).ok' },
    /nested more than 2 deep/,
  ],
  [
    'a call other than get()',
    { read: "doc.constructor.constructor('return 1')()" },
    /only function a rule may call is get\(\)/,
  ],
  ['arithmetic', { read: 'doc.a * 2 > 1' }, /operator "\*" is not allowed/],
  ['a ternary', { read: 'doc.a ? true : false' }, /\?: operator is not allowed/],
  ['an unknown variable', { read: 'process.exit == 1' }, /unknown variable "process"/],
  ['a regular expression', { read: 'doc.a == /x/' }, /Expected expression after ==/],
  ['a value that is not a rule', { read: 1 }, /must be true, false or an expression/],
  ['an unknown preset', 'PUBLIC', /unknown preset "PUBLIC"/],
];

test.each(refusals)('a rule with %s is refused', (_what, rule, message) => {
  expect(() => compileRule(rule)).toThrow(RuleFileError);
  expect(() => compileRule(rule)).toThrow(message);
});

test('presets and every key with true, false or an expression are accepted', () => {
  for (const preset of ['READONLY', 'PRIVATE', 'ADMINWRITE', 'ADMINONLY'])
    expect(compileRule(preset)).toEqual({ kind: 'preset', preset });
  const rule = compileRule({
    read: true,
    write: false,
    create: 'request.data.n in [1, 2]',
    update: '!(doc.a in ["x"])',
    delete: '-doc.n < now',
  });
  expect(rule.kind).toBe('custom');
});

test('a bad rule file stops the emulator at start with one line naming the file and the problem', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wx-rules-bad-'));
  try {
    writeFileSync(path.join(dir, 'good.json'), JSON.stringify({ read: true }));
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ read: true, reed: false }));
    const start = startEmulator({ inMemory: true, port: 0, rulesDir: dir });
    await expect(start).rejects.toThrow(EmulatorStartError);
    const error = (await start.catch((e: Error) => e)) as Error;
    expect(error.message).toBe(
      `security rules: ${path.join(dir, 'bad.json')}: unknown key "reed" (allowed: read, write, create, update, delete)`,
    );
    writeFileSync(path.join(dir, 'bad.json'), '{ "read": ');
    await expect(startEmulator({ inMemory: true, port: 0, rulesDir: dir })).rejects.toThrow(
      /bad\.json: not valid JSON/,
    );
    await expect(
      startEmulator({ inMemory: true, port: 0, rulesDocId: 'lenient' as never }),
    ).rejects.toThrow(/--rules-doc-id must be strict or read-then-check/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a rule file changed while the emulator runs is picked up (and a broken one refuses)', async () => {
  const h = await startRulesHarness({ notes: { read: true } });
  try {
    await h.seed('notes', [{ _id: 'a', n: 1 }]);
    const notes = () => h.db('o-me').collection('notes').get();
    expect((await notes()).data).toHaveLength(1);
    h.writeRule('notes', { read: false });
    expect(await outcomeOf(notes)).toMatchObject({ ok: false, errCode: -502003 });
    writeFileSync(path.join(h.rulesDir, 'notes.json'), '{ "read": tru');
    expect(await outcomeOf(notes)).toMatchObject({ ok: false, errCode: -502003 });
    h.writeRule('notes', 'READONLY');
    expect((await notes()).data).toHaveLength(1);
  } finally {
    await h.stop();
  }
});

test('`now` in a rule is the emulated clock', async () => {
  const year2100 = Date.UTC(2100, 0, 1);
  const h = await startRulesHarness({ notes: { read: `now > ${year2100}` } });
  try {
    await h.seed('notes', [{ _id: 'a' }]);
    const notes = () => h.db('o-me').collection('notes').get();
    expect(await outcomeOf(notes)).toMatchObject({ ok: false, errCode: -502003 });
    h.emu.clock.setOffset(year2100 - Date.now() + 86_400_000);
    expect((await notes()).data).toHaveLength(1);
  } finally {
    await h.stop();
  }
});

test('hostile queries fail cleanly and the emulator keeps answering', async () => {
  const h = await startRulesHarness({ c: { read: 'doc._openid == auth.openid' } });
  try {
    await h.seed('c', [{ _id: 'a', _openid: 'o-me' }]);
    const db = h.db('o-me');
    const _ = db.command;
    // 20 two-way $ors multiply into 2^20 branches: refused, not expanded.
    const wide = Array.from({ length: 20 }, (_unused, i) =>
      _.or([{ [`f${i}`]: 1 }, { [`g${i}`]: 2 }]),
    );
    expect(await outcomeOf(() => db.collection('c').where(_.and(wide)).get())).toMatchObject({
      ok: false,
      errCode: -502003,
    });
    let deep: object = { _openid: '{openid}' };
    for (let i = 0; i < 200; i += 1) deep = { $and: [deep] };
    expect(await outcomeOf(() => db.collection('c').where(deep).get())).toMatchObject({
      ok: false,
    });
    expect((await db.collection('c').where({ _openid: '{openid}' }).get()).data).toHaveLength(1);
  } finally {
    await h.stop();
  }
});

test('no rule code runs expressions as code (no eval, Function or vm)', () => {
  const dir = path.resolve(__dirname, '..', '..', '..', 'emulator', 'src', 'rules');
  for (const file of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    expect(text).not.toMatch(/\beval\s*\(|new Function|\bFunction\s*\(|node:vm|require\('vm'\)/);
  }
});
