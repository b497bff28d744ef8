/**
 * 用户管理（分包 admin/，仅管理员可见；服务端每次调用都会重新检查 admin 角色）：列出与搜索用户，停用/启用、
 * 设置角色、让其下线、删除账号，全部通过 adminUsers。破坏性操作与设为管理员先确认；非管理员看到“仅管理员可用”；
 * 对自己的停用、取消管理员、删除被服务端拒绝时说明原因。
 *
 * The admin page: lists and searches users and runs adminUsers actions. The home page shows the
 * entry only to users whose roles include `admin`; the server decides on every call anyway.
 */
import type { AdminListResponse, AdminUser } from '../contract/index';
import { appSession } from '../lib/app-session';
import { runBusy } from '../lib/busy-request';
import { isCloudCallError } from '../lib/cloud-error';
import { displayMessage } from '../lib/error-log';
import { explainAdminRefusal } from './refusals';

const PAGE_SIZE = 20;

interface UserRow extends AdminUser {
  rolesText: string;
  isAdmin: boolean;
}

function row(user: AdminUser): UserRow {
  return {
    ...user,
    rolesText: user.roles.length > 0 ? user.roles.join('、') : '无',
    isAdmin: user.roles.includes('admin'),
  };
}

type Dataset = { currentTarget: { dataset: { openid?: string } } };

/**
 * The newest list request of each page instance. Only its answer is shown: a slower, older
 * answer (the first page, loaded on open, arriving after a search) must not replace it.
 */
const latestLoad = new WeakMap<object, number>();

/** What the server refuses an admin to do to their own account (PERMISSION_DENIED, reason self). */
const SELF_REFUSALS: Record<string, string> = {
  setStatus: '不能停用自己的账号',
  setRoles: '不能取消自己的管理员角色',
  delete: '不能在这里删除自己的账号，请在“编辑资料”中注销',
};

/** The page's text for a failed action: a self-refusal explained, else the call's message. */
function failureText(action: string, failure: unknown): string {
  // A refusal whose reason the page can explain (configured_admin) carries that explanation.
  const error = explainAdminRefusal(failure);
  if (!isCloudCallError(error)) return '操作失败，请稍后再试';
  const self = error.code === 'PERMISSION_DENIED' && error.details?.reason === 'self';
  return (self && SELF_REFUSALS[action]) || displayMessage(error);
}

Component({
  data: {
    /** False for a user without the admin role: the page shows 仅管理员可用 and nothing else. */
    allowed: true,
    query: '',
    users: [] as UserRow[],
    total: 0,
    page: 1,
    busy: false,
    message: '',
  },

  lifetimes: {
    attached() {
      // The stored roles decide what to show; the server checks the role on every call anyway.
      const roles = appSession().getSnapshot().session?.user.roles ?? [];
      if (!roles.includes('admin')) this.setData({ allowed: false });
      else void this.load(1);
    },
  },

  methods: {
    onQueryInput(event: WechatMiniprogram.Input) {
      this.setData({ query: event.detail.value });
    },

    onSearch() {
      void this.load(1);
    },

    onMore() {
      void this.load(this.data.page + 1);
    },

    async load(page: number) {
      const ticket = (latestLoad.get(this) ?? 0) + 1;
      latestLoad.set(this, ticket);
      await this.run('list', async () => {
        const query = this.data.query.trim();
        const result = (await appSession().callAuthenticated('adminUsers', {
          action: 'list',
          page,
          pageSize: PAGE_SIZE,
          ...(query ? { query } : {}),
          // The request type is a union by action; Omit<..., 'token'> over it loses the members.
        } as never)) as AdminListResponse;
        if (latestLoad.get(this) !== ticket) return; // a newer list or search was asked for
        const rows = result.users.map(row);
        this.setData({
          users: page === 1 ? rows : [...this.data.users, ...rows],
          total: result.total,
          page,
        });
      });
    },

    async onDisable(event: Dataset) {
      const openid = event.currentTarget.dataset.openid ?? '';
      if (!(await this.confirm('停用账号', '停用后该用户立即下线，且不能再登录，确定停用吗？')))
        return;
      await this.act({ action: 'setStatus', openid, status: 'disabled' }, '已停用');
    },

    async onEnable(event: Dataset) {
      const openid = event.currentTarget.dataset.openid ?? '';
      await this.act({ action: 'setStatus', openid, status: 'active' }, '已启用');
    },

    async onToggleAdmin(event: Dataset) {
      const openid = event.currentTarget.dataset.openid ?? '';
      const user = this.data.users.find((u) => u.openid === openid);
      if (!user) return;
      const roles = user.isAdmin
        ? user.roles.filter((r) => r !== 'admin')
        : [...user.roles, 'admin'];
      if (!user.isAdmin) {
        const name = user.nickName || user.openid;
        const sure = await this.confirm(
          '设为管理员',
          `“${name}”将可以查看所有用户，并停用、删除账号、设置角色，确定吗？`,
        );
        if (!sure) return;
      }
      await this.act({ action: 'setRoles', openid, roles }, '角色已更新');
    },

    async onRevoke(event: Dataset) {
      const openid = event.currentTarget.dataset.openid ?? '';
      if (!(await this.confirm('强制下线', '该用户所有设备上的登录都将失效，确定吗？'))) return;
      await this.act({ action: 'revokeSessions', openid }, '已下线');
    },

    async onDelete(event: Dataset) {
      const openid = event.currentTarget.dataset.openid ?? '';
      const sure = await this.confirm(
        '删除账号',
        '将永久删除该用户的账号、资料、头像、手机号绑定与全部数据，且无法恢复，确定删除吗？',
      );
      if (!sure) return;
      await this.act({ action: 'delete', openid }, '已删除');
    },

    async confirm(title: string, content: string): Promise<boolean> {
      const { confirm } = await wx.showModal({ title, content, confirmColor: '#e64340' });
      return confirm;
    },

    /** One adminUsers action, then the list again (it shows what the server now says). */
    async act(request: Record<string, unknown>, done: string) {
      let ok = false;
      await this.run(String(request.action), async () => {
        await appSession().callAuthenticated('adminUsers', request as never, {
          loadingTitle: '处理中',
        });
        ok = true;
      });
      if (!ok) return;
      wx.showToast({ title: done, icon: 'success' });
      await this.load(1);
    },

    /** Runs one request with `busy` set; a failure becomes a Chinese message on the page. */
    async run(action: string, request: () => Promise<void>) {
      await runBusy(
        this,
        async () => {
          try {
            await request();
          } catch (error) {
            if (
              isCloudCallError(error) &&
              error.code === 'PERMISSION_DENIED' &&
              action === 'list'
            ) {
              this.setData({ allowed: false }); // the role was taken away meanwhile
              return;
            }
            this.setData({ message: failureText(action, error) });
          }
        },
        '操作失败，请稍后再试',
      );
    },
  },
});
