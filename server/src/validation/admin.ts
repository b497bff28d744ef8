import { ADMIN_ACTIONS, ADMIN_PAGE_SIZE_MAX, MAX_ROLES, ROLE_PATTERN } from '../../../contract/src';
import type { AccountStatus, AdminAction, AdminUsersRequest } from '../../../contract/src';
import { invalidArgument } from '../errors';
import { requireToken } from './request';
import { hasControlCharacters } from './text';

const OPENID_MAX = 128;
const OPENID = /^[A-Za-z0-9_-]+$/;
const QUERY_MAX = 64;

function requireString(event: Record<string, unknown>, field: string, max: number): string {
  const value = event[field];
  if (value === undefined || value === null || value === '')
    throw invalidArgument(field, 'missing');
  if (typeof value !== 'string') throw invalidArgument(field, 'wrong_type');
  if (value.length > max) throw invalidArgument(field, 'too_long');
  if (hasControlCharacters(value)) throw invalidArgument(field, 'control_character');
  return value;
}

function status(value: unknown, field: string): AccountStatus {
  if (typeof value !== 'string') throw invalidArgument(field, 'wrong_type');
  if (value !== 'active' && value !== 'disabled') throw invalidArgument(field, 'not_allowed');
  return value;
}

function positiveInt(value: unknown, field: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalidArgument(field, 'wrong_type');
  }
  if (value < 1 || value > max) throw invalidArgument(field, 'not_allowed');
  return value;
}

export function parseRoles(value: unknown): string[] {
  if (value === undefined || value === null) throw invalidArgument('roles', 'missing');
  if (!Array.isArray(value)) throw invalidArgument('roles', 'wrong_type');
  if (value.length > MAX_ROLES) throw invalidArgument('roles', 'too_long');
  const roles = new Set<string>();
  value.forEach((role: unknown, i) => {
    if (typeof role !== 'string') throw invalidArgument(`roles.${i}`, 'wrong_type');
    if (!ROLE_PATTERN.test(role)) throw invalidArgument(`roles.${i}`, 'not_allowed');
    roles.add(role);
  });
  return [...roles].sort();
}

/** Validates an adminUsers request before any database access. */
export function parseAdminRequest(event: Record<string, unknown>): AdminUsersRequest {
  const token = requireToken(event);
  const action = event.action;
  if (action === undefined || action === null) throw invalidArgument('action', 'missing');
  if (typeof action !== 'string') throw invalidArgument('action', 'wrong_type');
  if (!(ADMIN_ACTIONS as readonly string[]).includes(action)) {
    throw invalidArgument('action', 'not_allowed');
  }
  if ((action as AdminAction) === 'list') {
    const request: AdminUsersRequest = { token, action: 'list' };
    if (event.query !== undefined && event.query !== '') {
      request.query = requireString(event, 'query', QUERY_MAX).trim();
    }
    if (event.status !== undefined) request.status = status(event.status, 'status');
    if (event.role !== undefined) {
      const role = requireString(event, 'role', 32);
      if (!ROLE_PATTERN.test(role)) throw invalidArgument('role', 'not_allowed');
      request.role = role;
    }
    if (event.page !== undefined) request.page = positiveInt(event.page, 'page', 100_000);
    if (event.pageSize !== undefined) {
      request.pageSize = positiveInt(event.pageSize, 'pageSize', ADMIN_PAGE_SIZE_MAX);
    }
    return request;
  }
  const openid = requireString(event, 'openid', OPENID_MAX);
  // An OPENID, never another document's id (`account:<x>` is an account record's).
  if (!OPENID.test(openid)) throw invalidArgument('openid', 'not_allowed');
  switch (action as Exclude<AdminAction, 'list'>) {
    case 'get':
      return { token, action: 'get', openid };
    case 'setStatus':
      if (event.status === undefined) throw invalidArgument('status', 'missing');
      return { token, action: 'setStatus', openid, status: status(event.status, 'status') };
    case 'setRoles':
      return { token, action: 'setRoles', openid, roles: parseRoles(event.roles) };
    case 'revokeSessions':
      return { token, action: 'revokeSessions', openid };
    case 'delete':
      return { token, action: 'delete', openid };
  }
}
