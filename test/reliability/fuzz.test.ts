// Fuzzing with fast-check (10,000 generated inputs a run, counted as they are sent): bad input
// to updateUserInfo, to every function through POST /functions/<name>, and to the TCB admin
// endpoint POST /admin. None may answer 500 or INTERNAL, none may store an invalid profile, and
// the emulator keeps serving.
import fc from 'fast-check';
import { rcFunctionNames } from '../support/cloudbaserc';
import { useTestEmulator } from './support/emulator';
import { printFigures } from './support/figures';
import { readAnswer, type CallAnswer } from './support/functions';
import {
  adminBody,
  functionEvent,
  PROTOTYPE_NAMES,
  profileField,
  rawBody,
} from './support/generators';
import { isHealthy, parseJson, postJson, request } from './support/http';
import { invalidProfileReason } from './support/profile-oracle';

// Most inputs go where they are cheapest (the admin endpoint answers in about a millisecond);
// updateUserInfo reads the stored user before and after every input, so it gets fewer.
const RUNS = {
  updateUserInfo: 1500,
  functions: 2000,
  functionsRaw: 500,
  admin: 5000,
  adminRaw: 1000,
};
/** What one run must send in all (issue 17). */
const MIN_INPUTS = 10_000;
// Stop at the first counterexample (no shrinking) so a failing run stays bounded in time;
// fast-check prints the seed and path to replay it.
const SETTINGS = { endOnFailure: true } as const;

describe('fuzz', () => {
  const suite = useTestEmulator();
  const openid = 'fuzz-user';
  let token = '';
  const tally = { tried: 0, accepted: 0, rejected: 0, invalidStored: 0, traceLeft: 0 };
  /** Inputs actually sent, per target: what the figures and the total quote. */
  const sent = { updateUserInfo: 0, functions: 0, admin: 0 };

  const storedUser = async () => {
    const [user] = await suite.admin.find('users', { _openid: openid });
    if (!user) throw new Error('the fuzz user document is gone');
    return user;
  };

  beforeAll(async () => {
    token = String((await suite.fns.ok('login', {}, openid)).token);
  });

  test(`updateUserInfo: ${RUNS.updateUserInfo} generated profiles`, async () => {
    await fc.assert(
      fc.asyncProperty(profileField, async (profile) => {
        tally.tried += 1;
        const before = JSON.stringify(await storedUser());
        sent.updateUserInfo += 1;
        const answer = await suite.fns.call('updateUserInfo', { token, profile }, openid);
        const after = await storedUser();
        if (answer.kind === 'ok') {
          tally.accepted += 1;
        } else {
          tally.rejected += 1;
          expect(answer).toMatchObject({ kind: 'error', code: 'INVALID_ARGUMENT' });
          // A refused update leaves no trace.
          if (JSON.stringify(after) !== before) tally.traceLeft += 1;
        }
        if (invalidProfileReason(after) !== undefined) tally.invalidStored += 1;
      }),
      { numRuns: RUNS.updateUserInfo, ...SETTINGS },
    );
    printFigures('fuzz: updateUserInfo', {
      'inputs tried': tally.tried,
      accepted: tally.accepted,
      'rejected with INVALID_ARGUMENT': tally.rejected,
      'refused updates that changed the stored user': tally.traceLeft,
      'invalid profiles stored (checked after every input)': tally.invalidStored,
    });
    expect(tally.tried).toBe(RUNS.updateUserInfo);
    expect(tally.traceLeft).toBe(0);
    expect(tally.invalidStored).toBe(0);
    expect(await isHealthy(suite.emulator.url)).toBe(true);
  });

  test(`/functions: ${RUNS.functions} generated events and ${RUNS.functionsRaw} raw bodies`, async () => {
    const kinds: Record<string, number> = {};
    let failedHard = 0; // HTTP 5xx or an INTERNAL envelope, counted over every input
    const count = (answer: CallAnswer) => {
      const key = answer.kind === 'error' ? answer.code : answer.kind;
      kinds[key] = (kinds[key] ?? 0) + 1;
    };
    const name = fc.constantFrom(...rcFunctionNames);
    const who = fc.oneof(fc.constant(openid), fc.constant('fuzz-other'), fc.constant(undefined));
    // Half the events carry the fuzz user's live token, so they pass the session guard and
    // reach each function's own validation (a logout then ends it: log in again).
    const withToken = fc.boolean();
    await fc.assert(
      fc.asyncProperty(name, functionEvent, who, withToken, async (fn, generated, caller, live) => {
        const event =
          live && typeof generated === 'object' && generated !== null && !Array.isArray(generated)
            ? { ...generated, token }
            : generated;
        sent.functions += 1;
        const reply = await suite.fns.raw(fn, event, caller);
        if (fn === 'logout' && live && caller === openid && reply.status === 200) {
          token = String((await suite.fns.ok('login', {}, openid)).token);
        }
        if (reply.status >= 500) failedHard += 1;
        if (caller === undefined) return; // refused by the host: no identity, no call
        const answer = readAnswer(reply);
        count(answer);
        expect(answer.kind).toMatch(/^(ok|error)$/);
        if (answer.kind === 'error' && answer.code === 'INTERNAL') failedHard += 1;
      }),
      { numRuns: RUNS.functions, ...SETTINGS },
    );
    // Raw bodies also go to functions that do not exist, including prototype-looking names.
    const anyName = fc.oneof(
      name,
      fc.constantFrom(...PROTOTYPE_NAMES, 'noSuchFunction', '..%2Flogin'),
    );
    await fc.assert(
      fc.asyncProperty(anyName, rawBody, async (fn, body) => {
        sent.functions += 1;
        const reply = await request(`${suite.emulator.url}/functions/${fn}`, {
          body,
          headers: { 'x-wx-openid': openid },
        });
        if (reply.status >= 500) failedHard += 1;
        expect(parseJson(reply.body)).toBeDefined();
        if (reply.status === 200 && reply.body.includes('"INTERNAL"')) failedHard += 1;
      }),
      { numRuns: RUNS.functionsRaw, ...SETTINGS },
    );
    printFigures('fuzz: /functions', {
      'inputs sent': sent.functions,
      ...kinds,
      'answers 500 or INTERNAL': failedHard,
    });
    expect(failedHard).toBe(0);
    expect(invalidProfileReason(await storedUser())).toBeUndefined();
    expect(await isHealthy(suite.emulator.url)).toBe(true);
  });

  test(`/admin: ${RUNS.admin} generated request bodies and ${RUNS.adminRaw} raw bodies`, async () => {
    await suite.admin.addCollection('fuzz');
    const codes: Record<string, number> = {};
    let failedHard = 0; // HTTP 5xx or SYS_ERR, counted over every input
    await fc.assert(
      fc.asyncProperty(adminBody, async (body) => {
        sent.admin += 1;
        const reply = await postJson(suite.emulator.adminUrl, body);
        if (reply.status >= 500) failedHard += 1;
        const parsed = parseJson(reply.body) as { code?: unknown; data?: unknown } | undefined;
        expect(parsed).toBeDefined();
        const code = typeof parsed?.code === 'string' ? parsed.code : 'ok';
        codes[code] = (codes[code] ?? 0) + 1;
        // SYS_ERR is the admin protocol's "internal error": bad input must get a typed error.
        if (code === 'SYS_ERR') failedHard += 1;
      }),
      { numRuns: RUNS.admin, ...SETTINGS },
    );
    await fc.assert(
      fc.asyncProperty(rawBody, async (body) => {
        sent.admin += 1;
        const reply = await request(suite.emulator.adminUrl, { body });
        if (reply.status >= 500) failedHard += 1;
        expect(parseJson(reply.body)).toBeDefined();
      }),
      { numRuns: RUNS.adminRaw, ...SETTINGS },
    );
    printFigures('fuzz: /admin', {
      'inputs sent': sent.admin,
      ...Object.fromEntries(Object.entries(codes).map(([k, v]) => [`answered ${k}`, v])),
      'answers 500 or SYS_ERR': failedHard,
    });
    expect(failedHard).toBe(0);
    // No profile check here: /admin is the functions' privileged path, so generated bodies may
    // legitimately rewrite or remove the fuzz user (they target `users` on purpose).
    expect(await isHealthy(suite.emulator.url)).toBe(true);
  });

  test(`in all: at least ${MIN_INPUTS} inputs sent`, () => {
    const total = sent.updateUserInfo + sent.functions + sent.admin;
    printFigures('fuzz: total', { ...sent, 'inputs sent in all': total });
    expect(total).toBeGreaterThanOrEqual(MIN_INPUTS);
  });
});
