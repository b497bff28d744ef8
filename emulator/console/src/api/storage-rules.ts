import { request } from './client';
import type {
  StoragePlaygroundRequest,
  StoragePlaygroundResponse,
  StorageRulesResponse,
} from '../../../src/console-api/types';

/** The storage bucket's rule in force, and the playground that judges one client request. */
export const storageRulesApi = {
  rule: () => request<StorageRulesResponse>('GET', 'storage/rules'),
  playground: (question: StoragePlaygroundRequest) =>
    request<StoragePlaygroundResponse>('POST', 'storage/rules/playground', question),
};

/** Console labels of the storage presets (云存储「权限设置」). */
export const STORAGE_PRESET_LABELS: Record<string, string> = {
  READONLY: '所有用户可读，仅创建者及管理员可写',
  PRIVATE: '仅创建者及管理员可读写',
  ADMINWRITE: '所有用户可读，仅管理员可写',
  ADMINONLY: '仅管理员可读写',
};
