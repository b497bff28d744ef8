import { readConfig } from '../../../server/src/config';
import { isCollectionAlreadyExists, isCollectionMissing } from '../../../server/src/db/errors';
import { planLogin } from '../../../server/src/session-cap';
import { rcEnvVariables } from '../../support/cloudbaserc';

const now = 1_000_000;
const ref = (createdAt: number, expiresAt = now + 1000) => ({ createdAt, expiresAt });

describe('planLogin', () => {
  test('under the cap: nothing evicted, expired entries forgotten', () => {
    const plan = planLogin({ a: ref(1), old: ref(0, now - 1) }, now, readConfig(rcEnvVariables));
    expect(plan).toEqual({ drop: ['old'], evict: [] });
  });

  test('at the cap: the oldest live sessions make room for the new one', () => {
    const sessions = { c: ref(30), a: ref(10), b: ref(20), d: ref(40) };
    const plan = planLogin(
      sessions,
      now,
      readConfig({ ...rcEnvVariables, MAX_SESSIONS_PER_USER: '3' }),
    );
    expect(plan.evict).toEqual(['a', 'b']);
    expect(plan.drop).toEqual(['a', 'b']);
  });

  test('single policy evicts every live session', () => {
    const plan = planLogin(
      { a: ref(1), b: ref(2) },
      now,
      readConfig({ ...rcEnvVariables, SESSION_POLICY: 'single' }),
    );
    expect(plan.evict).toEqual(['a', 'b']);
  });

  test('a user without the map (older document) plans nothing', () => {
    expect(planLogin(undefined, now, readConfig(rcEnvVariables))).toEqual({ drop: [], evict: [] });
  });
});

describe('database error recognition', () => {
  test.each([
    [{ errCode: -502005, errMsg: 'collection.get:fail -502005 database collection not exists' }],
    [{ errCode: -501001, message: 'DATABASE_COLLECTION_NOT_EXIST: x' }],
  ])('collection missing: %j', (error) => {
    expect(isCollectionMissing(error)).toBe(true);
    expect(isCollectionAlreadyExists(error)).toBe(false);
  });

  test('already exists: only the code the SDK keeps for createCollection', () => {
    const exists = {
      code: 'DATABASE_COLLECTION_ALREADY_EXIST',
      errCode: -1,
      errMsg: 'createCollection:fail [ResourceInUse] Table exist: users',
    };
    expect(isCollectionAlreadyExists(exists)).toBe(true);
    for (const other of [
      { code: 'DATABASE_PERMISSION_DENIED', errCode: -502003, errMsg: 'permission denied' },
      { code: 'SYS_ERR', errCode: -1, errMsg: 'createCollection:fail Table exist? no' },
      null,
      'DATABASE_COLLECTION_ALREADY_EXIST',
    ]) {
      expect(isCollectionAlreadyExists(other)).toBe(false);
    }
  });

  test('a document that does not exist is not a missing collection', () => {
    expect(
      isCollectionMissing({ errMsg: 'document.get:fail document with _id x does not exist' }),
    ).toBe(false);
  });
});
