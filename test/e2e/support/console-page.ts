/** Steps on the console page, named after what a developer does (page-object style). */
import type { Page } from 'playwright-core';
import { waitForText, waitUntil } from './wait';

type Tab = 'data' | 'functions' | 'simulate' | 'storage' | 'tools';

export interface CallOnPage {
  ok: boolean;
  status: string;
  /** The function's return value as the page shows it (or the error text). */
  result: unknown;
}

export class ConsolePage {
  constructor(readonly page: Page) {}

  async tab(name: Tab): Promise<void> {
    await this.page.locator(`#tab-${name}`).click();
  }

  // --- Simulate -------------------------------------------------------------------------

  /** Generates a fresh OPENID and returns it. */
  async newOpenid(): Promise<string> {
    await this.page.getByTestId('generate-openid').click();
    return waitForText(this.page.getByTestId('current-openid'), (t) => /^o[\w-]{27}$/.test(t));
  }

  async chooseFunction(name: string): Promise<void> {
    await this.page.getByTestId(`fn-${name}`).click();
  }

  async requestText(): Promise<string> {
    return this.page.getByTestId('request').locator('textarea').inputValue();
  }

  async setRequest(data: unknown): Promise<void> {
    await this.page
      .getByTestId('request')
      .locator('textarea')
      .fill(JSON.stringify(data, null, 2));
  }

  /** Calls the chosen function and returns what the page shows for this call. */
  async call(): Promise<CallOnPage> {
    const requestId = this.page.getByTestId('request-id');
    const before = (await requestId.count()) > 0 ? await requestId.textContent() : null;
    await this.page.getByTestId('call').click();
    // A new requestId means the page shows this call's reply, not the previous one.
    await waitForText(requestId, (t) => t !== '' && t !== before);
    const status = (await this.page.getByTestId('call-status').textContent()) ?? '';
    const text = (await this.page.getByTestId('result').textContent()) ?? '';
    const ok = status.includes('调用成功');
    return { ok, status, result: ok ? (JSON.parse(text) as unknown) : text };
  }

  // --- Data -----------------------------------------------------------------------------

  async openCollection(name: string): Promise<void> {
    await this.page.getByTestId(`collection-${name}`).click();
  }

  async filter(query: unknown): Promise<void> {
    // el-input puts unknown attributes on its native <input>, so the test id is the input itself.
    await this.page.getByTestId('filter').fill(JSON.stringify(query));
    await this.page.getByTestId('apply-filter').click();
  }

  async clearFilter(): Promise<void> {
    await this.page.getByTestId('filter').fill('');
    await this.page.getByTestId('apply-filter').click();
  }

  async refresh(): Promise<void> {
    await this.page.getByTestId('refresh').click();
  }

  /** Waits until the documents table shows text accepted by `accept`; returns the table text. */
  async waitForDocuments(accept: (text: string) => boolean): Promise<string> {
    return waitForText(this.page.getByTestId('documents').locator('.el-table__body'), accept);
  }

  /** Opens the first listed document, deletes it and confirms. */
  async deleteFirstDocument(): Promise<void> {
    await this.page.getByTestId('open-document').first().click();
    const dialog = this.page.locator('.el-dialog');
    const editor = dialog.locator('textarea');
    await waitUntil('the document is loaded', async () =>
      (await editor.inputValue()).includes('"_id"'),
    );
    await this.page.getByTestId('delete-document').click();
    await this.page.locator('.el-message-box').getByRole('button', { name: '删除' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
