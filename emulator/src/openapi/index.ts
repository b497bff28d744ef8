export { openapiRoutes } from './routes';
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
