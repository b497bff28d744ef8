/**
 * What the WeChat client does for a `<form>` that miniprogram-simulate does not: a tap on the
 * form's `form-type="submit"` button fires the form's `submit` event with `detail.value` built
 * from the `name`d fields inside it. Everything is read from the rendered WXML (attributes as
 * the page's template produced them), so a renamed `name`, a missing `form-type` or a disabled
 * button changes what the page receives, just as on a phone.
 */
import type { RenderedPage } from './page-harness';

interface Attr {
  name: string;
  value: unknown;
}
interface ExparserNode {
  _vt?: { tagName: string; attrs: Attr[] };
  childNodes?: ExparserNode[];
}
interface Wrapper {
  _exparserNode: ExparserNode;
  dispatchEvent(event: string, options?: object): void;
}

/** What the user typed or chose, per field node (the runtime keeps it; the DOM does not). */
const entered = new WeakMap<ExparserNode, unknown>();

function find(page: RenderedPage, selector: string): Wrapper {
  const found = page.querySelector(selector) as unknown as Wrapper | undefined;
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

function attr(node: ExparserNode, name: string): unknown {
  return node._vt?.attrs.find((a) => a.name === name)?.value;
}

function* descendants(node: ExparserNode): Generator<ExparserNode> {
  for (const child of node.childNodes ?? []) {
    yield child;
    yield* descendants(child);
  }
}

/** Types `text` into an input: keeps it for the submit and fires `input` like the keyboard. */
export function typeInto(page: RenderedPage, selector: string, text: string): void {
  const input = find(page, selector);
  entered.set(input._exparserNode, text);
  input.dispatchEvent('input', { detail: { value: text, cursor: text.length } });
}

/** Taps the radio with `value` inside a radio-group. */
export function chooseRadio(page: RenderedPage, groupSelector: string, value: unknown): void {
  const group = find(page, groupSelector);
  const radios = [...descendants(group._exparserNode)].filter((n) => n._vt?.tagName === 'radio');
  if (!radios.some((radio) => String(attr(radio, 'value')) === String(value))) {
    throw new Error(`no radio with value ${String(value)} in ${groupSelector}`);
  }
  entered.set(group._exparserNode, String(value));
  group.dispatchEvent('change', { detail: { value: String(value) } });
}

/** The value a named field contributes to the submit, as the WeChat client reports it. */
function fieldValue(node: ExparserNode): unknown {
  if (entered.has(node)) return entered.get(node);
  const tag = node._vt?.tagName;
  if (tag === 'radio-group') {
    const checked = [...descendants(node)].find(
      (n) => n._vt?.tagName === 'radio' && attr(n, 'checked') === true,
    );
    return checked ? String(attr(checked, 'value')) : '';
  }
  const value = attr(node, 'value');
  return value === undefined || value === null ? '' : String(value);
}

/**
 * Taps the submit button of the form matching `formSelector`. Returns false (and submits
 * nothing) when the button is disabled; throws when the form has no `form-type="submit"` button.
 */
export function tapSubmit(page: RenderedPage, formSelector: string): boolean {
  const form = find(page, formSelector);
  const button = [...descendants(form._exparserNode)].find(
    (n) => n._vt?.tagName === 'button' && attr(n, 'formType') === 'submit',
  );
  if (!button) throw new Error(`${formSelector} has no form-type="submit" button`);
  if (attr(button, 'disabled') === true) return false;
  const value: Record<string, unknown> = {};
  for (const node of descendants(form._exparserNode)) {
    const name = attr(node, 'name');
    if (typeof name === 'string' && name !== '') value[name] = fieldValue(node);
  }
  form.dispatchEvent('submit', { detail: { value, target: {} } });
  return true;
}
