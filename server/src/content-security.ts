import { msgSecCheck } from './cloud';
import { invalidArgument } from './errors';

/**
 * Refuses profile text the platform judges risky (`suggest: 'risky'`), as INVALID_ARGUMENT
 * with reason `risky_content` on the field, before anything is written. 'review' (uncertain)
 * passes: WeChat's own nickname review already ran on the phone. A failed check throws and
 * becomes INTERNAL (logged): text is never stored unchecked.
 */
export async function assertTextIsSafe(openid: string, field: string, text: string): Promise<void> {
  const res = await msgSecCheck({ openid, scene: 1, version: 2, content: text, nickname: text });
  if (res.result?.suggest === 'risky') throw invalidArgument(field, 'risky_content');
}
