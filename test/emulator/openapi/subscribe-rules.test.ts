/**
 * The subscribe-message rules without a function in between: each keyword type's limits, and a
 * project without subscribe-templates.json (any template id, types from the key names).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Outbox } from '../../../emulator/src/openapi/outbox';
import { fieldProblem } from '../../../emulator/src/openapi/subscribe-fields';
import { subscribeMessageSend } from '../../../emulator/src/openapi/subscribe-message';
import {
  Subscriptions,
  TemplateFileError,
  readTemplates,
} from '../../../emulator/src/openapi/subscribe-templates';

test.each([
  ['thing1', '二十个字以内的说明', true],
  ['thing1', '一二三四五六七八九十一二三四五六七八九十一', false],
  ['number2', '12.5', true],
  ['number2', '12a', false],
  ['letter3', 'abc', true],
  ['letter3', 'ab1', false],
  ['symbol4', '%$', true],
  ['symbol4', 'a%', false],
  ['character_string5', 'A-042_x', true],
  ['character_string5', '取餐', false],
  ['time6', '15:01', true],
  ['time6', '2026-12-07 08:30 ~ 09:00', true],
  ['time6', '25:00', false],
  ['date7', '2026年12月7日', true],
  ['date7', '昨天', false],
  ['amount8', '¥12.50', true],
  ['amount8', '12.5元', true],
  ['amount8', '¥12.505', false],
  ['phone_number9', '+86 138-0013-8000', true],
  ['phone_number9', '138x', false],
  ['car_number10', '粤B12345', true],
  ['car_number10', '粤B1234567', false],
  ['name11', '张三', true],
  ['name11', '一二三四五六七八九十一', false],
  ['name11', 'Alexander Hamilton', true],
  ['phrase12', '已完成', true],
  ['phrase12', 'done', false],
  ['unknown1', 'x', false],
])('%s = %p is acceptable: %p', (key, value, ok) => {
  expect(fieldProblem(key, value) === undefined).toBe(ok);
});

describe('a project without subscribe-templates.json', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'subscribe-rules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const caller = { functionName: 'f', allowed: new Set<string>(), appid: 'wx1', openid: 'o-a' };

  test('accepts any template id, takes types from key names and still needs an acceptance', () => {
    const deps = {
      projectDir: dir,
      subscriptions: new Subscriptions(),
      outbox: new Outbox(),
      now: () => 1,
    };
    const params = { touser: 'o-a', template_id: 'any-id', data: { thing1: { value: '好' } } };
    expect(subscribeMessageSend(params, caller, deps).errcode).toBe(43101);
    deps.subscriptions.accept('o-a', 'any-id', 'once');
    expect(subscribeMessageSend(params, caller, deps)).toEqual({ errcode: 0, errmsg: 'ok' });
    const bad = { ...params, data: { thing1: { value: '好' }, amount2: { value: 'lots' } } };
    deps.subscriptions.accept('o-a', 'any-id', 'once');
    expect(subscribeMessageSend(bad, caller, deps).errcode).toBe(47003);
    expect(deps.outbox.list()).toEqual([
      expect.objectContaining({
        templateId: 'any-id',
        title: '',
        fields: [{ key: 'thing1', name: 'thing1', value: '好' }],
      }),
    ]);
  });

  test('a broken template file is refused with a message naming the problem', () => {
    writeFileSync(
      path.join(dir, 'subscribe-templates.json'),
      '{"templates":[{"id":"t","fields":{"bogus":"x"}}]}',
    );
    expect(() => readTemplates(dir)).toThrow(TemplateFileError);
    expect(() => readTemplates(dir)).toThrow(/fields\.bogus/);
    const deps = {
      projectDir: dir,
      subscriptions: new Subscriptions(),
      outbox: new Outbox(),
      now: () => 1,
    };
    const send = subscribeMessageSend({ touser: 'o-a', template_id: 't', data: {} }, caller, deps);
    expect(send).toEqual({ errcode: -1, errmsg: expect.stringContaining('fields.bogus') });
  });
});
