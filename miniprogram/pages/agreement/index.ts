import { USER_AGREEMENT } from '../../config/agreement';

/** 用户协议：内容在 config/agreement.ts，这个页面只负责显示。 */
Component({
  data: { paragraphs: USER_AGREEMENT },
});
