/**
 * The deployment switches login and checkSession({ withUser }) answer with (issue 26, item 2):
 * PHONE_BIND_MAX_PER_DAY=0 switches phone binding off, and the mini program hides its row.
 */
import type { ServerConfig } from '../../server/src/config';
import { featuresOf } from '../../server/src/features';

test.each([
  [0, false],
  [1, true],
  [5, true],
])('PHONE_BIND_MAX_PER_DAY=%i: phoneBinding %s', (phoneBindMaxPerDay, phoneBinding) => {
  expect(featuresOf({ phoneBindMaxPerDay } as ServerConfig)).toEqual({ phoneBinding });
});
