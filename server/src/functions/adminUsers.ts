import { ADMIN_ROLE } from '../../../contract/src';
import type { AdminUsersRequest, AdminUsersResponse } from '../../../contract/src';
import { runAdminAction } from '../admin-users';
import { withSession } from '../guard';
import { parseAdminRequest } from '../validation/admin';

/**
 * adminUsers({ token, action, ... }): list, get, setStatus, setRoles, revokeSessions, delete.
 * Only for callers holding the `admin` role, read fresh on this very call (a removed role
 * answers PERMISSION_DENIED at once). The request is validated before any database access.
 */
export const main = /* @__PURE__ */ withSession<AdminUsersRequest, AdminUsersResponse>(
  (request, context) => runAdminAction(context, request),
  { parse: parseAdminRequest, roles: [ADMIN_ROLE] },
);
