/**
 * 被停用的用户如何联系运营者：留空时首页显示 `open-type="contact"` 的「联系客服」按钮（需在小程序管理后台
 * 开通客服消息）；填一个页面路径（如 '/pages/help/index'）则改为打开该页面。
 *
 * How a banned user reaches the operator: empty shows WeChat's customer-service button
 * (open-type="contact", enable 客服 in the MP admin); a page route opens that page instead.
 */
export const SUPPORT_PAGE = '';
