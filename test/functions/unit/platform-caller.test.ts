import {
  assertMessagePush,
  assertTimerTrigger,
  platformCallerOf,
} from '../../../server/src/platform-caller';

const denied = (run: () => void) =>
  expect(run).toThrow(expect.objectContaining({ code: 'PERMISSION_DENIED' }));

test('a cross-account caller (FROM_OPENID / FROM_APPID / FROM_UNIONID) is never the platform', () => {
  for (const key of ['FROM_OPENID', 'FROM_APPID', 'FROM_UNIONID']) {
    const caller = platformCallerOf({ SOURCE: 'wx_message_push', [key]: 'o-other' } as never);
    denied(() => assertMessagePush(caller, 'o-victim'));
    denied(() =>
      assertTimerTrigger(platformCallerOf({ SOURCE: 'wx_trigger', [key]: 'x' } as never)),
    );
  }
});

test('the timer trigger and a push are told apart by SOURCE, not by a missing OPENID', () => {
  expect(() => assertTimerTrigger(platformCallerOf({ SOURCE: 'wx_trigger' }))).not.toThrow();
  denied(() => assertTimerTrigger(platformCallerOf({ SOURCE: 'wx_trigger,scf' })));
  denied(() => assertTimerTrigger(platformCallerOf({})));
  expect(() => assertMessagePush(platformCallerOf({ SOURCE: 'wx_unknown' }), 'o-v')).not.toThrow();
  denied(() => assertMessagePush(platformCallerOf({ SOURCE: 'wx_trigger' }), 'o-v'));
  denied(() => assertMessagePush(platformCallerOf({ SOURCE: 'wx_unknown', OPENID: 'o-x' }), 'o-v'));
});
