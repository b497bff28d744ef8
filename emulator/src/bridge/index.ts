export { createWxCloud, NETWORK_ERR_CODE, type CreateWxCloudOptions } from './wx-cloud';
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
