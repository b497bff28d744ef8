import { ElMessageBox } from 'element-plus';

/** Asks before a destructive action: true to go ahead (Element Plus rejects on cancel/close). */
export async function confirmDanger(
  message: string,
  title: string,
  confirmButtonText: string,
): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, {
      type: 'warning',
      confirmButtonText,
      cancelButtonText: '取消',
    });
    return true;
  } catch {
    return false;
  }
}
