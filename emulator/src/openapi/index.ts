export { openapiRoutes } from './routes';
export { messageRoutes } from './message-routes';
export { messagesApi, type MessagesApi, type AcceptResult } from './messages-api';
export type { OutboxMessage, OutboxFilter, MessageField } from './outbox';
export type { PlatformPush, PushDelivery } from './platform-pushes';
export { CLOUD_ID_TTL_MS } from './open-data';
export { CUSTOMER_SERVICE_WINDOW_MS } from './customer-service';
export { IMG_SEC_CHECK_MAX_BYTES, IMG_SEC_CHECK_MAX_SIZE } from './img-sec-check';
export { handleNotEmulatedWxAction, NOT_EMULATED_WX_ACTIONS } from './wx-actions';
export { openapiFor } from './openapi-instance';
export { handleOpenApiRequest, OPENAPI_ACTION } from './admin-action';
export { OpenApiService, ERR_OPENAPI_PERMISSION, ERR_NOT_EMULATED } from './service';
export type { OpenApiCallCount, OpenApiCaller } from './service';
export {
  PHONE_CODE_TTL_MS,
  PHONE_FAIL_CODES,
  type PhoneCodeInput,
  type PhoneFailCode,
  type IssuedPhoneCode,
} from './phone-codes';
export { MSG_SEC_CHECK_RISKY_WORD } from './msg-sec-check';
