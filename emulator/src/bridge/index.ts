export { createWxCloud, NETWORK_ERR_CODE, type CreateWxCloudOptions } from './wx-cloud';
export {
  createRequestSubscribeMessage,
  type RequestSubscribeMessageOptions,
  type SubscribeAnswer,
} from './request-subscribe-message';
export type {
  BridgeUploadTask,
  BridgeWxCloud,
  CallFunctionResult,
  DeleteFileItem,
  DeleteFileResult,
  TempFileItem,
  TempFileResult,
  UploadFileResult,
  UploadProgress,
} from './types';
export { isWxApiError, wxError, type WxApiError, type WxCallbacks } from './wx-api';
