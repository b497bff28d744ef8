/**
 * `subscribeMessage.send` with the checks developers trip over in production, in production's
 * order: the recipient (40003), the template (40037), the data (47003), then
 * the user's acceptance (43101). A send that passes takes one acceptance and lands in the outbox.
 */
import type { Outbox } from './outbox';
import { fieldProblem } from './subscribe-fields';
import {
  readTemplates,
  TemplateFileError,
  type SubscribeTemplate,
  type Subscriptions,
} from './subscribe-templates';
import { type JsonReply, type OpenApiCaller, OPENID_PATTERN } from './types';

const STATES = ['developer', 'trial', 'formal'];
const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'];

export interface SubscribeDeps {
  projectDir: string;
  subscriptions: Subscriptions;
  outbox: Outbox;
  now: () => number;
}

const fail = (errcode: number, errmsg: string): JsonReply => ({ errcode, errmsg });

/** The template a send names: declared, or (no template file) one made up from the data keys. */
function templateFor(
  templates: Map<string, SubscribeTemplate> | undefined,
  id: string,
  data: Record<string, unknown>,
): SubscribeTemplate | undefined {
  if (templates) return templates.get(id);
  const fields = Object.fromEntries(Object.keys(data).map((key) => [key, key]));
  return { id, title: '', type: 'once', fields };
}

function checkData(
  template: SubscribeTemplate,
  data: Record<string, unknown>,
): { fields: { key: string; name: string; value: string }[] } | JsonReply {
  const fields = [];
  for (const [key, entry] of Object.entries(data)) {
    const name = template.fields[key];
    if (name === undefined)
      return fail(47003, `argument invalid! data.${key} is not a field of the template`);
    const value = (entry as { value?: unknown } | null)?.value;
    const problem = fieldProblem(key, value);
    if (problem) return fail(47003, `argument invalid! data.${key}.value invalid (${problem})`);
    fields.push({ key, name, value: value as string });
  }
  // Shown in the template's order, as the user's card lists them.
  const order = Object.keys(template.fields);
  fields.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return { fields };
}

export function subscribeMessageSend(
  params: Record<string, unknown>,
  caller: OpenApiCaller,
  deps: SubscribeDeps,
): JsonReply {
  const { touser, template_id: templateId, page = '', data = {} } = params;
  if (typeof touser !== 'string' || !OPENID_PATTERN.test(touser))
    return fail(40003, 'invalid openid');
  if (typeof templateId !== 'string' || templateId === '')
    return fail(40037, 'invalid template_id');
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail(47003, 'argument invalid! data must be an object');
  }
  let declared: Map<string, SubscribeTemplate> | undefined;
  try {
    declared = readTemplates(deps.projectDir);
  } catch (error) {
    // The project's own file is broken: say so instead of a bare system error.
    if (error instanceof TemplateFileError)
      return fail(-1, `system error, hint: [emulator: ${error.message}]`);
    throw error;
  }
  const template = templateFor(declared, templateId, data as Record<string, unknown>);
  if (!template)
    return fail(
      40037,
      `invalid template_id, hint: [emulator: ${templateId} is not in subscribe-templates.json]`,
    );
  const checked = checkData(template, data as Record<string, unknown>);
  if ('errcode' in checked) return checked;
  if (typeof page !== 'string') return fail(47003, 'argument invalid! page must be a string');
  const state = params.miniprogram_state ?? 'formal';
  if (typeof state !== 'string' || !STATES.includes(state))
    return fail(47003, 'argument invalid! miniprogram_state');
  const lang = params.lang ?? 'zh_CN';
  if (typeof lang !== 'string' || !LANGS.includes(lang))
    return fail(47003, 'argument invalid! lang');
  if (!deps.subscriptions.take(touser, templateId)) {
    return fail(
      43101,
      'user refuse to accept the msg, hint: [emulator: no acceptance left for this user and template]',
    );
  }
  deps.outbox.add({
    kind: 'subscribe',
    touser,
    sentAt: deps.now(),
    functionName: caller.functionName,
    templateId,
    title: template.title,
    fields: checked.fields,
    page,
    miniprogramState: state,
    lang,
  });
  return { errcode: 0, errmsg: 'ok' };
}
