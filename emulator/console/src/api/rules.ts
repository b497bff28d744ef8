import { request } from './client';
import type {
  PlaygroundRequest,
  PlaygroundResponse,
  RulesResponse,
} from '../../../src/console-api/types';

/** Security rules: what is in force per collection, and the playground that judges a request. */
export const rulesApi = {
  rules: () => request<RulesResponse>('GET', 'rules'),
  playground: (question: PlaygroundRequest) =>
    request<PlaygroundResponse>('POST', 'rules/playground', question),
};

/** Console labels of the presets (云开发控制台「简易权限」). */
export const PRESET_LABELS: Record<string, string> = {
  READONLY: '所有用户可读，仅创建者可读写',
  PRIVATE: '仅创建者可读写',
  ADMINWRITE: '所有用户可读',
  ADMINONLY: '所有用户不可读写',
};
