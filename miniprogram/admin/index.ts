/**
 * 用户管理（分包 admin/，仅管理员可见；服务端每次调用都会重新检查 admin 角色）：列出与搜索用户，停用/启用、
 * 设置角色、让其下线、删除账号，全部通过 adminUsers。破坏性操作与设为管理员先确认；非管理员看到“仅管理员可用”；
 * 对自己的停用、取消管理员、删除被服务端拒绝时说明原因。“详情”在该用户一行下展开状态、角色、登录中的设备与
 * 操作记录（谁在何时做了什么），对该用户操作后自动刷新。
 *
 * The admin page: lists and searches users, runs adminUsers actions and shows one user's detail
 * (`get`: sessions and audit trail) under their row. The home page shows the
 * entry only to users whose roles include `admin`; the server decides on every call anyway.
 */
import {
  type AdminGetResponse,
  type AdminListResponse,
  type AdminUser,
  appSession,
  isCloudCallError,
  runBusy,
} from 'wx-cloud-login-miniprogram';
import { detailView, type DetailView } from './detail-view';
import { failureText } from './refusals';

const PAGE_SIZE = 20;

/**
 * The number of the latest list request per page instance. Replies can arrive out of order (a
 * search tapped while the first list loads): only the latest request's reply is shown, so an
 * older, unfiltered list never replaces the search result the admin asked for last.
 */
const latestLoad = new WeakMap<object, number>();
/** The same for detail requests: A's detail answered late never replaces B's, nor reopens one. */
const latestDetail = new WeakMap<object, number>();

/** Actions after which the open detail is fetched again, so their audit entry shows. */
const REFRESHES_DETAIL = new Set(['setStatus', 'setRoles', 'revokeSessions']);

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
    /** The user whose detail is open under their row ('' for none), and what it shows. */
    detailOpenid: '',
    detail: null as DetailView | null,
    detailLoading: false,
    detailError: '',
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
        if (latestLoad.get(this) !== ticket) return; // a newer request answers instead
        const rows = result.users.map(row);
        this.setData({
          users: page === 1 ? rows : [...this.data.users, ...rows],
          total: result.total,
          page,
        });
      });
    },

    onDetail(event: Dataset) {
      const openid = event.currentTarget.dataset.openid ?? '';
      this.setData({ detailOpenid: openid, detail: null, detailError: '' });
      void this.loadDetail(openid);
    },

    onCloseDetail() {
      latestDetail.set(this, (latestDetail.get(this) ?? 0) + 1); // a late reply stays closed
      this.setData({ detailOpenid: '', detail: null, detailError: '', detailLoading: false });
    },

    /** Fetches one user's detail (adminUsers get); the open view keeps showing until it answers. */
    async loadDetail(openid: string) {
      const ticket = (latestDetail.get(this) ?? 0) + 1;
      latestDetail.set(this, ticket);
      this.setData({ detailLoading: true });
      let next: Partial<typeof this.data>;
      try {
        const result = (await appSession().callAuthenticated('adminUsers', {
          action: 'get',
          openid,
        } as never)) as AdminGetResponse;
        next = { detail: detailView(result, Date.now()), detailError: '' };
      } catch (error) {
        next = { detail: null, detailError: failureText('get', error, '详情加载失败，请稍后再试') };
      }
      if (latestDetail.get(this) !== ticket) return; // a newer request answers instead
      this.setData({ ...next, detailLoading: false });
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
      const openid = String(request.openid);
      if (openid === this.data.detailOpenid) {
        if (REFRESHES_DETAIL.has(String(request.action))) void this.loadDetail(openid);
        else this.onCloseDetail(); // deleted: nothing left to show
      }
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
