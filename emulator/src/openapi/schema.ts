/**
 * The protobuf messages of the `wx.openApi` action, as compiled into wx-server-sdk 4.0.x
 * (src/protobuf/openapi.js, pbjs static code). Field numbers and types were read off that
 * file's encode functions. protobufjs (the library the SDK itself uses) parses this text once
 * and does all encoding and decoding: no hand-written wire format.
 */
import protobuf from 'protobufjs';

const PROTO = `
syntax = "proto3";
message KeyValuePair { string key = 1; bytes value = 2; string contenttype = 3; string filename = 4; }
message OpenApiData { repeated KeyValuePair pairs = 1; }
message SvrkitApiData { string apiName = 1; bytes reqData = 2; }
message CommApiData {
  enum ApiType { OPEN_API = 0; INNER_API = 1; SVRKIT_API = 2; TOKEN_API = 3; }
  ApiType apiType = 1;
  OpenApiData openapiData = 2;
  SvrkitApiData svrkitData = 4;
  string appid = 6;
}
message HttpHeader { string key = 1; string value = 2; }
message CommOpenApiResp {
  bytes respData = 1; string contentType = 2; int32 errorCode = 3; uint32 httpCode = 4;
  repeated HttpHeader headers = 5; int32 svrkitErrorCode = 6;
}
message ApiGetOpenDataByCloudIdReq { repeated string cloudidList = 2; string appid = 3; }
message ApiGetOpenDataByCloudIdResp {
  message OpDataItem { string cloudId = 1; string json = 2; }
  repeated OpDataItem dataList = 1;
}
`;

const root = protobuf.parse(PROTO, { keepCase: true }).root;

export const CommApiData = root.lookupType('CommApiData');
export const CommOpenApiResp = root.lookupType('CommOpenApiResp');
export const ApiGetOpenDataByCloudIdReq = root.lookupType('ApiGetOpenDataByCloudIdReq');
export const ApiGetOpenDataByCloudIdResp = root.lookupType('ApiGetOpenDataByCloudIdResp');

/** CommApiData.ApiType values. */
export const API_TYPE = { OPEN_API: 0, INNER_API: 1, SVRKIT_API: 2, TOKEN_API: 3 } as const;
