import type {
  ApiError,
  CallResponse,
  CollectionsResponse,
  DeletedResponse,
  DocumentResponse,
  DocumentsResponse,
  ExportResponse,
  Faults,
  FunctionsResponse,
  InsertedResponse,
  InvocationsResponse,
  JsonObject,
  JsonValue,
  OkResponse,
  OpenidsResponse,
  StatsResponse,
  StorageResponse,
  UpdatedResponse,
} from '../../../src/console-api/types';

export type * from '../../../src/console-api/types';

/** The console API's error body, thrown so views can show `message`. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: {} };
  if (body !== undefined) {
    init.headers = { 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  // Relative to the page, so the console works under any mount point.
  const response = await fetch(`./api/${path}`, init);
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = payload as Partial<ApiError> | null;
    throw new ApiRequestError(
      response.status,
      error?.code ?? 'HTTP_' + response.status,
      error?.message ?? response.statusText,
    );
  }
  return payload as T;
}

const seg = encodeURIComponent;

export interface DocumentQuery {
  filter: string;
  offset: number;
  limit: number;
  sort?: string;
  order?: 'asc' | 'desc';
}

export const api = {
  project: () => request<{ name: string; layout: string; envId: string }>('GET', 'project'),
  collections: () => request<CollectionsResponse>('GET', 'collections'),
  createCollection: (name: string) => request<OkResponse>('POST', 'collections', { name }),
  dropCollection: (name: string) => request<OkResponse>('DELETE', `collections/${seg(name)}`),
  documents(name: string, q: DocumentQuery) {
    const params = new URLSearchParams({
      filter: q.filter,
      offset: String(q.offset),
      limit: String(q.limit),
    });
    if (q.sort) params.set('sort', q.sort);
    if (q.order) params.set('order', q.order);
    return request<DocumentsResponse>('GET', `collections/${seg(name)}/documents?${params}`);
  },
  document: (name: string, id: string) =>
    request<DocumentResponse>('GET', `collections/${seg(name)}/documents/${seg(id)}`),
  insertDocument: (name: string, doc: JsonObject) =>
    request<InsertedResponse>('POST', `collections/${seg(name)}/documents`, doc),
  saveDocument: (name: string, id: string, doc: JsonObject) =>
    request<UpdatedResponse>('PUT', `collections/${seg(name)}/documents/${seg(id)}`, doc),
  deleteDocument: (name: string, id: string) =>
    request<DeletedResponse>('DELETE', `collections/${seg(name)}/documents/${seg(id)}`),
  functions: () => request<FunctionsResponse>('GET', 'functions'),
  call: (name: string, openid: string, data: JsonValue) =>
    request<CallResponse>('POST', `functions/${seg(name)}/call`, { openid, data }),
  /** The function runs as a platform message push: no OPENID (POST /api/functions/:name/push). */
  push: (name: string, data: JsonValue) =>
    request<CallResponse>('POST', `functions/${seg(name)}/push`, { data }),
  invocations: (after: number) => request<InvocationsResponse>('GET', `invocations?after=${after}`),
  clearInvocations: () => request<OkResponse>('DELETE', 'invocations'),
  openids: () => request<OpenidsResponse>('GET', 'openids'),
  storage: () => request<StorageResponse>('GET', 'storage'),
  exportNow: (name?: string) => request<ExportResponse>('POST', 'export', name ? { name } : {}),
  reset: () => request<OkResponse>('POST', 'reset'),
  faults: () => request<Faults>('GET', 'faults'),
  setFaults: (faults: Partial<Faults>) => request<Faults>('PUT', 'faults', faults),
  stats: () => request<StatsResponse>('GET', 'stats'),
  resetStats: () => request<OkResponse>('DELETE', 'stats'),
  /** A one-time getPhoneNumber code for `openid` (emulator/src/openapi). */
  phoneCode: (input: {
    openid: string;
    phoneNumber: string;
    countryCode?: string;
    failWith?: number;
  }) => request<{ code: string; expiresAt: number }>('POST', 'phone-codes', input),
};

/** The message to show for anything a call threw. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
