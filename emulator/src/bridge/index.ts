export {
  createWxCloud,
  NETWORK_ERR_CODE,
  type BridgeWxCloud,
  type CallFunctionResult,
  type CreateWxCloudOptions,
  type DeleteFileItem,
  type TempFileItem,
  type UploadFileResult,
} from './wx-cloud';
export { isWxApiError, wxError, type WxApiError, type WxCallbacks } from './wx-api';
