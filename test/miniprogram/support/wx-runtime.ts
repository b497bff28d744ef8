/**
 * The one stub of the WeChat client runtime for page tests: a global `wx` whose `cloud` is the
 * emulator bridge (calls counted), storage in a Map, and UI APIs (loading, toast, modal,
 * navigation) recorded. Install it before loading miniprogram-simulate, which merges its own
 * wx API into the global object.
 */
import type { BridgeWxCloud } from '../../../emulator/src/bridge';
import { countingCloud, type CountingCloud } from './counting-cloud';

export interface WxCall {
  api: string;
  args: unknown;
}

export interface WxRuntime {
  cloud: CountingCloud;
  /** Every recorded UI call, in order. */
  calls: WxCall[];
  storage: Map<string, unknown>;
  /** What wx.showModal answers (the user taps confirm unless set to false). */
  modalConfirms: boolean;
  callsOf(api: string): unknown[];
  /** showLoading calls minus hideLoading calls: 0 when balanced. */
  openLoadings(): number;
  /** APIs wx.canIUse answers false for (an old base library). */
  unsupported: Set<string>;
  /** The base library version wx.getAppBaseInfo reports. */
  sdkVersion: string;
  /** What wx.getPrivacySetting answers: consent still needed, and the guideline's name. */
  privacy: { needAuthorization: boolean; contractName: string };
  /**
   * What WeChat does when a privacy API runs before consent: pauses it and calls the app's
   * onNeedPrivacyAuthorization listener. Resolves with the app's answer ('system-popup' when
   * the app registered none and WeChat would show its own).
   */
  requestPrivacy(referrer: string): Promise<unknown>;
}

type PrivacyListener = (resolve: (answer: unknown) => void, info: { referrer: string }) => void;

type Options = { success?: (res: unknown) => void; complete?: (res: unknown) => void };

export function installWxRuntime(bridge: BridgeWxCloud): WxRuntime {
  const calls: WxCall[] = [];
  const storage = new Map<string, unknown>();
  const counted = countingCloud(bridge);
  const runtime: WxRuntime = {
    cloud: counted,
    calls,
    storage,
    modalConfirms: true,
    callsOf: (api) => calls.filter((c) => c.api === api).map((c) => c.args),
    openLoadings: () =>
      runtime.callsOf('showLoading').length - runtime.callsOf('hideLoading').length,
    unsupported: new Set(),
    sdkVersion: '3.4.0',
    privacy: { needAuthorization: false, contractName: '《云开发登录小程序隐私保护指引》' },
    requestPrivacy: (referrer) =>
      new Promise((resolve) => {
        if (!privacyListener) resolve('system-popup');
        else privacyListener(resolve, { referrer });
      }),
  };
  let privacyListener: PrivacyListener | null = null;
  const recorded =
    (api: string, answer: () => unknown = () => ({ errMsg: `${api}:ok` })) =>
    (options: Options = {}) => {
      calls.push({ api, args: options });
      const res = answer();
      options.success?.(res);
      options.complete?.(res);
      return Promise.resolve(res);
    };
  const wx = {
    cloud: {
      init: () => undefined,
      callFunction: (param: { name: string; data?: object }) => counted.callFunction(param),
      uploadFile: (param: Parameters<BridgeWxCloud['uploadFile']>[0]) => bridge.uploadFile(param),
      getTempFileURL: (param: Parameters<BridgeWxCloud['getTempFileURL']>[0]) =>
        bridge.getTempFileURL(param),
      deleteFile: (param: Parameters<BridgeWxCloud['deleteFile']>[0]) => bridge.deleteFile(param),
    },
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) =>
      void storage.set(key, JSON.parse(JSON.stringify(value)) as unknown),
    removeStorageSync: (key: string) => void storage.delete(key),
    showLoading: recorded('showLoading'),
    hideLoading: recorded('hideLoading'),
    showToast: recorded('showToast'),
    showModal: recorded('showModal', () => ({
      confirm: runtime.modalConfirms,
      cancel: !runtime.modalConfirms,
    })),
    canIUse: (api: string) => !runtime.unsupported.has(api),
    getAppBaseInfo: () => ({ SDKVersion: runtime.sdkVersion }),
    getPrivacySetting: (options: Options) => {
      const res = {
        needAuthorization: runtime.privacy.needAuthorization,
        privacyContractName: runtime.privacy.contractName,
        errMsg: 'getPrivacySetting:ok',
      };
      options.success?.(res);
      options.complete?.(res);
    },
    onNeedPrivacyAuthorization: (listener: PrivacyListener) => void (privacyListener = listener),
    requirePrivacyAuthorize: (options: Options & { fail?: (res: unknown) => void }) => {
      calls.push({ api: 'requirePrivacyAuthorize', args: options });
      void runtime.requestPrivacy('requirePrivacyAuthorize').then((answer) => {
        const agreed = (answer as { event?: string }).event === 'agree';
        if (agreed) runtime.privacy.needAuthorization = false;
        if (agreed) options.success?.({ errMsg: 'requirePrivacyAuthorize:ok' });
        else
          options.fail?.({
            errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized',
          });
      });
    },
    openPrivacyContract: recorded('openPrivacyContract'),
    navigateTo: recorded('navigateTo'),
    navigateBack: recorded('navigateBack'),
    reLaunch: recorded('reLaunch'),
    // Recorded so tests can show they are never needed: identity comes from the cloud context
    // and login never asks for the profile.
    login: recorded('login'),
    getUserProfile: recorded('getUserProfile'),
    getUserInfo: recorded('getUserInfo'),
  };
  (globalThis as unknown as { wx: typeof wx }).wx = wx;
  return runtime;
}

/** Polls `condition` every 10 ms, at most `timeoutMs`; fails with `what` when it never holds. */
export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
