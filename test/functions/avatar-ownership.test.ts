/**
 * Issue 21 item 1: an avatar file belongs to the account that uploaded it, not to the first
 * account that names it. The attacks name another user's file (or the same path in another
 * bucket) and then make the server delete it; an upload never saved is deleted with its account.
 */
import type { DeleteAccountResponse } from '../../contract/src';
import { fileExists, uploadAs, uploadAvatarAs } from './support/account';
import {
  dataOf,
  errorOf,
  startFunctions,
  type Caller,
  type FunctionsHarness,
} from './support/harness';
import { login } from './support/users';

const setAvatar = (fx: FunctionsHarness, token: string, caller: Caller, avatarUrl: string) =>
  fx.call('updateUserInfo', { token, profile: { avatarUrl } }, caller);

function otherBucket(fileId: string): string {
  return fileId.replace(/^cloud:\/\/([^.]+)\.[^/]+\//, 'cloud://$1.attacker-bucket-1/');
}

describe('avatar files are owned by their uploader', () => {
  let fx: FunctionsHarness;
  beforeAll(async () => {
    fx = await startFunctions();
  });
  afterAll(async () => {
    await fx?.stop();
  });

  test("naming another user's upload before they save it does not let you delete it", async () => {
    const victim = { openid: 'o-victim-1' };
    const attacker = { openid: 'o-attacker-1' };
    const victimSession = await login(fx, victim);
    const attackerSession = await login(fx, attacker);
    const victimFile = await uploadAvatarAs(fx, victim, victimSession.token);
    // The attacker claims it first, then replaces it and deletes the account.
    await setAvatar(fx, attackerSession.token, attacker, victimFile);
    await setAvatar(fx, attackerSession.token, attacker, 'https://example.com/a.png');
    dataOf(await fx.call('deleteAccount', { token: attackerSession.token }, attacker));
    expect(await fileExists(fx, victimFile)).toBe(true);
    dataOf(await setAvatar(fx, victimSession.token, victim, victimFile));
  });

  test("a file ID with another bucket cannot name someone else's file", async () => {
    const victim = { openid: 'o-victim-2' };
    const attacker = { openid: 'o-attacker-2' };
    const victimSession = await login(fx, victim);
    const victimFile = await uploadAvatarAs(fx, victim, victimSession.token);
    dataOf(await setAvatar(fx, victimSession.token, victim, victimFile));
    const attackerSession = await login(fx, attacker);
    const reply = await setAvatar(fx, attackerSession.token, attacker, otherBucket(victimFile));
    expect(errorOf(reply)).toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { field: 'profile.avatarUrl', reason: 'not_owned' },
    });
    dataOf(await fx.call('deleteAccount', { token: attackerSession.token }, attacker));
    expect(await fileExists(fx, victimFile)).toBe(true);
  });

  test('only paths the server handed out, in this environment and bucket, are accepted', async () => {
    const user = { openid: 'o-paths' };
    const { token } = await login(fx, user);
    const ownChoice = await uploadAs(fx, user, 'avatars/mine.png');
    const reserved = await uploadAvatarAs(fx, user, token);
    for (const url of [
      ownChoice,
      otherBucket(reserved),
      reserved.replace(/^cloud:\/\/[^.]+/, 'cloud://other-env'),
    ]) {
      expect(errorOf(await setAvatar(fx, token, user, url)).details).toMatchObject({
        reason: 'not_owned',
      });
    }
    dataOf(await setAvatar(fx, token, user, reserved));
  });

  test('deleteAccount deletes every upload of the account, saved or never saved', async () => {
    const user = { openid: 'o-picker' };
    const { token } = await login(fx, user);
    const first = await uploadAvatarAs(fx, user, token);
    const saved = await uploadAvatarAs(fx, user, token);
    dataOf(await setAvatar(fx, token, user, saved));
    const neverSaved = await uploadAvatarAs(fx, user, token);
    expect(await fileExists(fx, first)).toBe(false); // replaced by the save
    const result = dataOf(await fx.call<DeleteAccountResponse>('deleteAccount', { token }, user));
    expect(result.deleted.files).toBe(2);
    expect(await fileExists(fx, saved)).toBe(false);
    expect(await fileExists(fx, neverSaved)).toBe(false);
  });

  test('at most 10 unsaved uploads are kept: the oldest file goes first', async () => {
    const user = { openid: 'o-hoarder' };
    const { token } = await login(fx, user);
    const saved = await uploadAvatarAs(fx, user, token);
    dataOf(await setAvatar(fx, token, user, saved));
    const pending: string[] = [];
    for (let i = 0; i < 11; i += 1) pending.push(await uploadAvatarAs(fx, user, token));
    expect(await fileExists(fx, pending[0]!)).toBe(false);
    for (const fileId of pending.slice(1)) expect(await fileExists(fx, fileId)).toBe(true);
    const [record] = await fx.documents<{ avatarUploads: unknown[] }>('users', {
      _id: `account:${user.openid}`,
    });
    expect(record?.avatarUploads).toHaveLength(11); // 10 unsaved + the saved one
  });
});
