/**
 * Subscribe-message templates and the users' acceptances of them.
 *
 * Production keeps a mini program's templates in the MP console (我的模板); here a project may
 * declare them in `subscribe-templates.json` next to cloudbaserc.json / project.config.json:
 *
 *   { "templates": [{ "id": "tmpl-ready", "title": "取餐提醒", "type": "once",
 *                     "fields": { "thing1": "商品名称", "time2": "下单时间" } }] }
 *
 * Once that file exists, a template id it does not list fails with 40037, a data key the
 * template does not have with 47003. Without the file every template id is accepted and each
 * key's type is taken from its name (`thing1` is a thing), so existing projects run unchanged.
 *
 * As in production, a one-time (`once`) template gives one send per acceptance
 * (wx.requestSubscribeMessage); a long-term (`long`) one allows sends once accepted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SubscribeTemplate } from './message-types';
import { fieldType } from './subscribe-fields';

export const TEMPLATES_FILE = 'subscribe-templates.json';

export type { SubscribeTemplate } from './message-types';

export class TemplateFileError extends Error {
  override name = 'TemplateFileError';
}

function parseTemplate(raw: unknown, index: number): SubscribeTemplate {
  const where = `${TEMPLATES_FILE} templates[${index}]`;
  if (typeof raw !== 'object' || raw === null)
    throw new TemplateFileError(`${where} must be an object`);
  const t = raw as Record<string, unknown>;
  if (typeof t.id !== 'string' || t.id === '')
    throw new TemplateFileError(`${where}.id must be a non-empty string`);
  const type = t.type ?? 'once';
  if (type !== 'once' && type !== 'long')
    throw new TemplateFileError(`${where}.type must be "once" or "long"`);
  const fields: Record<string, string> = {};
  const rawFields = (t.fields ?? {}) as Record<string, unknown>;
  for (const [key, label] of Object.entries(rawFields)) {
    if (!fieldType(key))
      throw new TemplateFileError(`${where}.fields.${key}: not a keyword type (thing1, time2...)`);
    fields[key] = typeof label === 'string' ? label : key;
  }
  return { id: t.id, title: typeof t.title === 'string' ? t.title : '', type, fields };
}

/**
 * The project's declared templates, read on every use (an edit applies without a restart);
 * undefined when the project has no template file.
 */
export function readTemplates(projectDir: string): Map<string, SubscribeTemplate> | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(projectDir, TEMPLATES_FILE), 'utf8');
  } catch {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new TemplateFileError(`${TEMPLATES_FILE} is not valid JSON: ${(error as Error).message}`);
  }
  const list = (parsed as { templates?: unknown } | null)?.templates;
  if (!Array.isArray(list))
    throw new TemplateFileError(`${TEMPLATES_FILE} needs a "templates" array`);
  return new Map(list.map((raw, i) => parseTemplate(raw, i)).map((t) => [t.id, t]));
}

/** Acceptances per user and template: the one-time quota production keeps. */
export class Subscriptions {
  /** `${openid}\n${templateId}` -> sends left (Infinity for long-term templates). */
  private readonly quota = new Map<string, number>();

  accept(openid: string, templateId: string, type: SubscribeTemplate['type']): number {
    const key = `${openid}\n${templateId}`;
    const left = type === 'long' ? Infinity : (this.quota.get(key) ?? 0) + 1;
    this.quota.set(key, left);
    return left;
  }

  left(openid: string, templateId: string): number {
    return this.quota.get(`${openid}\n${templateId}`) ?? 0;
  }

  /** Takes one send; false when the user has no acceptance left. */
  take(openid: string, templateId: string): boolean {
    const key = `${openid}\n${templateId}`;
    const left = this.quota.get(key) ?? 0;
    if (left <= 0) return false;
    this.quota.set(key, left - 1);
    return true;
  }
}
