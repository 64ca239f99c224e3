// 同步 in Chromium at 1366×768, between two harness servers on two databases (上海 and 本部): a file
// exported on 上海's screen to where its save dialog was pointed (the suggested name, in a folder
// standing for a USB stick) is imported on 本部's through the file input and its
// project appears in the 台账; the same file dropped on the screen again says 0 new; an encrypted
// file asks for its passphrase and a wrong one says so; a damaged file is refused and changes
// nothing; a conflict made by editing one field on both sides is shown with both values and resolved
// with one click; the newest import is undone from the import log; the page cannot name a path.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { WebServer } from '../../web/server';
import { errorMessages } from '../../domain/errors';
import type { SyncConflict, SyncDump, SyncImportReport } from '../../domain/sync';
import { tempDir } from '../helpers';
import {
  artifactsDir,
  launchChromium,
  newLaptopContext,
  recordBarTexts,
  requireBuiltRenderer,
  httpRpc,
  watchProblems,
} from './harness';
import { carry, startHq, startJoined } from './zone-servers';

let browser: Browser;
let shanghai: WebServer;
let hq: WebServer;
let contextA: BrowserContext;
let contextB: BrowserContext;
let pageA: Page;
let pageB: Page;
let problemsA: string[];
let problemsB: string[];
let projectId: string;
/** Where 上海's save dialog puts exported files: the USB stick. */
let usbStick: string;
/** The first file 上海 exported for 本部, as saved. */
let firstFile: Buffer;
let firstName: string;
let firstPath: string;

const projectName = '德国某汽车零部件长三角研发制造基地（嘉兴）二期扩建项目';

const rpc = httpRpc;

beforeAll(async () => {
  requireBuiltRenderer();
  // scrypt at its real cost, so that the export's phase is on screen long enough to be seen.
  process.env.ZS_TEST_SCRYPT_LOG_N = '17';
  // 本部 creates the zone at init and invites 上海, whose laptop joins before its own init.
  hq = await startHq('zs-sync');
  shanghai = await startJoined(hq, 'zs-sync', {
    office: '上海',
    user: '王晓明',
    withoutData: true,
  });
  const project = await rpc<{ id: string }>(shanghai, 'project.create', {
    name: projectName,
    investor: '某某汽车零部件股份公司',
    country: 'DE',
    totalInvestmentCny: 1_200_000_000,
    office: '上海',
    problems: '无',
  });
  projectId = project.id;
  usbStick = tempDir('zs-sync-usb-');
  browser = await launchChromium();
  contextA = await newLaptopContext(browser);
  contextB = await newLaptopContext(browser);
  pageA = await contextA.newPage();
  pageB = await contextB.newPage();
  problemsA = watchProblems(pageA);
  problemsB = watchProblems(pageB);
});

afterAll(async () => {
  await browser?.close();
  await shanghai?.close();
  await hq?.close();
});

async function openSync(page: Page, server: WebServer): Promise<void> {
  await page.goto(server.url);
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('button', { name: '同步' })
    .click();
  await expect.poll(() => page.getByRole('heading', { name: '同步', level: 1 }).count()).toBe(1);
  await expect.poll(() => page.getByRole('heading', { name: '导入记录' }).count()).toBe(1);
}

async function noSidewaysOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/**
 * Exports on the page's 导出 card, saving under the name the dialog suggests on the USB stick, and
 * returns the file's bytes and name.
 */
async function exportAndSave(
  page: Page,
  server: WebServer,
  forLabel: string,
  passphrase?: string,
): Promise<{ bytes: Buffer; name: string; path: string }> {
  const card = page.getByRole('region', { name: '导出' });
  await card.getByLabel('发给').selectOption({ label: forLabel });
  if (passphrase) {
    await card.getByLabel('口令（可不填）').fill(passphrase);
    await card.getByLabel('再次输入口令').fill(passphrase);
  }
  let path = '';
  server.chooseFile((choice) => {
    expect(choice).toMatchObject({ use: 'save', kind: 'sync' });
    path = join(usbStick, choice.name ?? 'unnamed.zsync');
    return path;
  });
  const barTexts = await recordBarTexts(page);
  await card.getByRole('button', { name: '导出……' }).click();
  await expect.poll(() => card.getByText('已导出').count(), { timeout: 20_000 }).toBe(1);
  if (passphrase) {
    // Encrypting takes a moment (scrypt): a bar shows meanwhile, with the backend's phases as its
    // polls (every 250 ms) catch them; which ones depends on the machine's speed.
    const shown = await barTexts();
    expect(shown.length, shown.join('；')).toBeGreaterThan(0);
    for (const text of shown) {
      expect(text).toMatch(
        /^(正在导出……|开始……|读取变更……|压缩并加密 \d+ 条变更……|写入文件……|校验文件……)$/,
      );
    }
  }
  return { bytes: readFileSync(path), name: basename(path), path };
}

interface BusySample {
  bar: string;
  line: string | null;
  chooseDisabled: boolean | null;
}

/**
 * Records, at every change of the page while the import's bar shows, its text, the line naming the
 * file and whether 选择文件…… is disabled: a scrypt-long import can end between two of the test's
 * polls, so only what the page recorded says what it showed meanwhile.
 */
async function recordImportBusy(page: Page): Promise<() => Promise<BusySample[]>> {
  await page.evaluate(() => {
    const samples: BusySample[] = [];
    Object.assign(window, { importBusy: samples });
    new MutationObserver(() => {
      const bar = document.querySelector('.job-progress-text')?.textContent;
      if (!bar) return;
      const choose = [...document.querySelectorAll('button')].find(
        (b) => b.textContent === '选择文件……',
      );
      const sample = {
        bar,
        line: document.querySelector('.sync-busy')?.textContent ?? null,
        chooseDisabled: choose ? choose.disabled : null,
      };
      if (JSON.stringify(samples.at(-1)) !== JSON.stringify(sample)) samples.push(sample);
    }).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { importBusy: BusySample[] }).importBusy);
}

async function chooseFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page
    .getByLabel('选择同步文件')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
}

const alerts = (page: Page) => page.getByRole('region', { name: '导入' }).getByRole('alert');

describe('同步 between two offices in the browser', () => {
  it('shows what to do on a replica that has exchanged nothing yet', async () => {
    await openSync(pageB, hq);
    await expect.poll(() => pageB.getByText('还没有与其他驻点交换过文件').count()).toBe(1);
    await expect.poll(() => pageB.getByText('还没有导入过同步文件').count()).toBe(1);
    await expect.poll(() => pageB.getByText('没有待处理的冲突').count()).toBe(1);
    await noSidewaysOverflow(pageB);
    await pageB.screenshot({ path: join(artifactsDir, 'sync-empty.png') });
    expect(problemsB).toEqual([]);
  });

  it('exports on 上海 for 本部 where the save dialog says, and 本部 imports it through the file input', async () => {
    await openSync(pageA, shanghai);
    const file = await exportAndSave(pageA, shanghai, '本部');
    expect(file.name).toMatch(/^上海-to-本部-\d{8}-\d{4}\.zsync$/);
    expect(file.bytes.subarray(0, 5).toString()).toBe('ZSYNC');
    firstFile = file.bytes;
    firstName = file.name;
    firstPath = file.path;
    // The path of the written file is shown.
    const card = pageA.getByRole('region', { name: '导出' });
    await expect.poll(() => card.getByText(`已保存到 ${file.path}`).count()).toBe(1);

    await openSync(pageB, hq);
    await chooseFile(pageB, firstName, firstFile);
    const report = pageB.getByRole('region', { name: '导入结果' });
    await expect.poll(() => report.getByText('导入完成：来自上海').count()).toBe(1);
    const created = await rpc<SyncImportReport[]>(hq, 'sync.log');
    expect(created[0]!.new).toBeGreaterThan(0);
    await expect
      .poll(() => report.getByText(`新增 ${created[0]!.new} 条变更`, { exact: false }).count())
      .toBe(1);
    await expect
      .poll(() =>
        pageB.getByRole('table', { name: '同步对象' }).getByText('上海', { exact: true }).count(),
      )
      .toBe(1);
    await expect
      .poll(() => pageB.getByRole('table', { name: '导入记录' }).getByRole('row').count())
      .toBe(2);
    await noSidewaysOverflow(pageB);
    await pageB.screenshot({ path: join(artifactsDir, 'sync.png') });

    await pageB
      .getByRole('navigation', { name: '主导航' })
      .getByRole('button', { name: '台账' })
      .click();
    await expect.poll(() => pageB.getByText(projectName).count()).toBeGreaterThan(0);
    expect(problemsA).toEqual([]);
    expect(problemsB).toEqual([]);
  });

  it('says 已导入过, 0 new, when the same file is dropped on the screen again', async () => {
    await openSync(pageB, hq);
    // A string, not a function: this file is type-checked without the DOM library.
    const dataTransfer = await pageB.evaluateHandle(`(() => {
      const binary = atob(${JSON.stringify(firstFile.toString('base64'))});
      const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], ${JSON.stringify(firstName)}));
      return transfer;
    })()`);
    await pageB.locator('.sync-drop').dispatchEvent('drop', { dataTransfer });
    const report = pageB.getByRole('region', { name: '导入结果' });
    await expect.poll(() => report.getByText('该文件已导入过，0 条新变更').count()).toBe(1);
    await expect.poll(() => report.getByText('已导入过：来自上海').count()).toBe(1);
  });

  it('refuses a damaged file with the corrupt-file message and changes nothing', async () => {
    const before = await rpc<SyncDump>(hq, 'sync.dump');
    const logBefore = (await rpc<unknown[]>(hq, 'sync.log')).length;
    const damaged = Buffer.from(firstFile);
    const at = Math.floor(damaged.length / 2);
    damaged[at] = damaged[at]! ^ 0xff;
    await openSync(pageB, hq);
    await chooseFile(pageB, `损坏-${firstName}`, damaged);
    await expect.poll(() => alerts(pageB).textContent()).toContain(errorMessages.FILE_CORRUPT);
    expect(await rpc<SyncDump>(hq, 'sync.dump')).toEqual(before);
    expect(await rpc<unknown[]>(hq, 'sync.log')).toHaveLength(logBefore);
  });

  it('asks for the passphrase of an encrypted file, says when it is wrong, and retries', async () => {
    await rpc(shanghai, 'project.update', { id: projectId, patch: { nextSteps: '约谈总部' } });
    await openSync(pageA, shanghai);
    const file = await exportAndSave(pageA, shanghai, '本部', '嘉兴2021');
    await openSync(pageB, hq);
    await chooseFile(pageB, file.name, file.bytes);
    await expect
      .poll(() => alerts(pageB).textContent())
      .toContain(errorMessages.PASSPHRASE_REQUIRED);
    const card = pageB.getByRole('region', { name: '导入' });
    await card.getByLabel(/的口令$/).fill('错误口令');
    await card.getByRole('button', { name: '用此口令导入' }).click();
    await expect
      .poll(() => alerts(pageB).textContent(), { timeout: 20_000 })
      .toContain(errorMessages.BAD_PASSPHRASE);
    await pageB.screenshot({ path: join(artifactsDir, 'sync-passphrase.png') });
    // The file is still chosen: only the passphrase is typed again.
    await card.getByLabel(/的口令$/).fill('嘉兴2021');
    const busy = await recordImportBusy(pageB);
    await card.getByRole('button', { name: '用此口令导入' }).click();
    const report = pageB.getByRole('region', { name: '导入结果' });
    await expect
      .poll(() => report.getByText('导入完成：来自上海').count(), { timeout: 20_000 })
      .toBe(1);
    // Decrypting takes a moment (scrypt): meanwhile the screen named the file, a bar showed the
    // backend's phases as its polls caught them (job.progress), and 选择文件…… waited.
    const samples = await busy();
    expect(samples.length, JSON.stringify(samples)).toBeGreaterThan(0);
    for (const sample of samples) {
      expect(sample).toEqual({
        bar: expect.stringMatching(/^(正在导入|开始|读取文件|解密|解压|校验变更|写入)/),
        line: expect.stringMatching(/^正在导入 /),
        chooseDisabled: true,
      });
    }
    const project = await rpc<{ nextSteps: string | null }>(hq, 'project.get', { id: projectId });
    expect(project.nextSteps).toBe('约谈总部');
    expect(problemsB).toEqual([]);
  });

  it('shows a conflict with both values and resolves it with one click', async () => {
    await rpc(shanghai, 'project.update', { id: projectId, patch: { problems: '土地指标待落实' } });
    await rpc(hq, 'project.update', { id: projectId, patch: { problems: '环评手续待补充' } });
    await carry(shanghai, hq, '本部');
    await carry(hq, shanghai, '上海');
    const open = await rpc<SyncConflict[]>(hq, 'sync.conflicts', { open: true });
    expect(open).toHaveLength(1);

    await openSync(pageB, hq);
    const list = pageB.getByRole('region', { name: /^冲突/ });
    const item = list.getByRole('listitem', { name: /存在问题/ });
    await expect.poll(() => item.count()).toBe(1);
    await expect.poll(() => item.getByText('土地指标待落实').count()).toBe(1);
    await expect.poll(() => item.getByText('环评手续待补充').count()).toBe(1);
    await expect.poll(() => item.getByText(/上海 · 王晓明/).count()).toBe(1);
    await expect.poll(() => item.getByText(/本部 · 李建国/).count()).toBe(1);
    await noSidewaysOverflow(pageB);
    await pageB.screenshot({ path: join(artifactsDir, 'sync-conflict.png') });

    await item.getByRole('button', { name: /保留「土地指标待落实」/ }).click();
    await expect.poll(() => pageB.getByText('没有待处理的冲突').count()).toBe(1);
    expect(await rpc<SyncConflict[]>(hq, 'sync.conflicts', { open: true })).toEqual([]);
    const project = await rpc<{ problems: string | null }>(hq, 'project.get', { id: projectId });
    expect(project.problems).toBe('土地指标待落实');
    expect(problemsB).toEqual([]);
  });

  it('undoes the newest import from the import log: its project leaves 本部, the row says 已撤销', async () => {
    const { id } = await rpc<{ id: string }>(shanghai, 'project.create', {
      name: '撤销测试：某某新能源电池项目（二期扩建）',
    });
    const report = await carry(shanghai, hq, '本部');
    expect(report.new).toBeGreaterThan(0);
    await openSync(pageB, hq);
    const card = pageB.getByRole('region', { name: '导入记录' });
    const rows = card.getByRole('row');
    await expect.poll(() => card.getByRole('button', { name: /^撤销导入/ }).count()).toBe(4);
    await card
      .getByRole('button', { name: /^撤销导入/ })
      .first()
      .click();
    const dialog = pageB.getByRole('dialog', { name: '撤销导入' });
    await expect.poll(() => dialog.getByText(/之后在本机做的修改保留/).count()).toBe(1);
    await pageB.screenshot({ path: join(artifactsDir, 'sync-undo-dialog.png') });
    await dialog.getByRole('button', { name: '确认撤销' }).click();
    await expect.poll(() => card.getByText(/^已撤销：移除该文件带来的/).count()).toBe(1);
    await expect.poll(() => rows.filter({ hasText: '已撤销' }).count()).toBe(1);
    await expect(rpc(hq, 'project.get', { id })).rejects.toThrow(errorMessages.NOT_FOUND);
    await noSidewaysOverflow(pageB);
    await card.screenshot({ path: join(artifactsDir, 'sync-import-log.png') });
    expect(problemsB).toEqual([]);
  });

  it('refuses a path the page names itself, and a cancelled save dialog exports nothing', async () => {
    await openSync(pageA, shanghai);
    const target = join(usbStick, '页面指定.zsync');
    // Strings, not functions: this file is type-checked without the DOM library.
    for (const call of [
      `window.api['sync.export']({ out: ${JSON.stringify(target)}, full: true })`,
      `window.api['sync.import']({ file: ${JSON.stringify(firstPath)} })`,
      `window.api['sync.readExport']({ file: '/etc/passwd' })`,
    ]) {
      expect(await pageA.evaluate(call), call).toMatchObject({
        ok: false,
        code: 'FILE_NOT_CHOSEN',
      });
    }
    expect(existsSync(target)).toBe(false);

    // The user cancels the save dialog: no export is asked for, and the card stays as it was.
    const peersBefore = await rpc<unknown[]>(shanghai, 'sync.peers');
    const exports: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (request.url().endsWith('/rpc/sync.export')) exports.push(request.url());
    };
    pageA.on('request', onRequest);
    shanghai.chooseFile(null);
    const card = pageA.getByRole('region', { name: '导出' });
    await Promise.all([
      pageA.waitForResponse((response) => response.url().endsWith('/rpc/file.choose')),
      card.getByRole('button', { name: '导出……' }).click(),
    ]);
    await pageA.waitForTimeout(300);
    pageA.off('request', onRequest);
    expect(exports).toEqual([]);
    expect(await card.getByRole('button', { name: '导出……' }).isEnabled()).toBe(true);
    expect(await card.getByRole('alert').count()).toBe(0);
    expect(await rpc<unknown[]>(shanghai, 'sync.peers')).toEqual(peersBefore);
    expect(problemsA).toEqual([]);
  });
});
