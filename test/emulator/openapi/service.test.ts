/**
 * OpenApiService on raw protobuf (no SDK): an undecodable svrkit request is a WireError (the
 * admin action answers 400), and svrkit calls other than getOpenData name themselves in the log.
 */
import { OpenApiService } from '../../../emulator/src/openapi/service';
import { CommApiData, CommOpenApiResp, API_TYPE } from '../../../emulator/src/openapi/schema';
import { WireError } from '../../../emulator/src/openapi/wire';

const caller = { functionName: 'f', allowed: new Set<string>(), appid: 'wx1', openid: 'o-a' };

function svrkit(apiName: string, reqData: Buffer): Buffer {
  const message = CommApiData.fromObject({
    apiType: API_TYPE.SVRKIT_API,
    svrkitData: { apiName, reqData },
  });
  return Buffer.from(CommApiData.encode(message).finish());
}

test('a getOpenData request whose reqData is not protobuf is a WireError, not a crash', async () => {
  const service = new OpenApiService({ now: () => 0, projectDir: __dirname });
  await expect(
    service.handle(
      'ApiGetOpenDataByCloudId',
      svrkit('ApiGetOpenDataByCloudId', Buffer.from([0x12, 0xff])),
      caller,
    ),
  ).rejects.toBeInstanceOf(WireError);
});

test('another svrkit API answers errorCode -1 and is reported by name', async () => {
  const warnings: string[] = [];
  const service = new OpenApiService({
    now: () => 0,
    projectDir: __dirname,
    warn: (m) => warnings.push(m),
  });
  const reply = await service.handle('ApiVoipSign', svrkit('ApiVoipSign', Buffer.alloc(0)), caller);
  expect(CommOpenApiResp.toObject(CommOpenApiResp.decode(reply))).toMatchObject({ errorCode: -1 });
  expect(warnings).toEqual([expect.stringContaining('svrkit call ApiVoipSign is not emulated')]);
});
