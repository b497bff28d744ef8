import { readConfig } from '../../../server/src/config';
import { isCollectionMissing, isDuplicateKey } from '../../../server/src/db/errors';
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
    expect(isDuplicateKey(error)).toBe(false);
  });

  test.each([
    [{ errCode: -502001, errMsg: 'E11000 duplicate key error collection: users index: _id_' }],
    [{ errCode: -501001, message: 'DATABASE_DUPLICATE_WRITE' }],
    [new Error('[DATABASE_DUPLICATE_WRITE] duplicate key')],
  ])('duplicate key, whatever the errCode: %j', (error) => {
    expect(isDuplicateKey(error)).toBe(true);
    expect(isCollectionMissing(error)).toBe(false);
  });

  test('a document that does not exist is not a missing collection', () => {
    expect(
      isCollectionMissing({ errMsg: 'document.get:fail document with _id x does not exist' }),
    ).toBe(false);
  });
});
