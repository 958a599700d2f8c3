// The help-center page in a real browser: headless Debian chromium (playwright-core), real Web Chat,
// the embedded Direct Line and the real bot (buildApp).
// Screenshots go to test/artifacts/ (git-ignored).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type WebSocketRoute } from 'playwright-core';
import { startApp, type RunningApp } from './startApp';
import { THANKS_FOR_FEEDBACK } from '../../dialogs/faqResponder';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(__dirname, '..', 'artifacts');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: the browser test needs Chromium at ${CHROMIUM} (apt-get install -y chromium).`);
}
// CI sets CHROMIUM_REQUIRED: there a missing browser is a failure, not a skip.
if (!haveChromium && process.env.CHROMIUM_REQUIRED) throw new Error(`CHROMIUM_REQUIRED is set but ${CHROMIUM} is missing`);
const describeIfChromium = haveChromium ? describe : describe.skip;

interface Session {
  context: BrowserContext;
  page: Page;
  problems: string[];
  close(): Promise<void>;
}

async function openBrowser(viewport: { width: number; height: number }): Promise<Session> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  // CSP violations are reported as console errors too, but say so explicitly (directive and blocked URL).
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  // CSP violations and script errors show up here; the page must have none.
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const sendBox = (page: Page) => page.getByRole('textbox', { name: 'Message input box' });
const launcher = (page: Page) => page.getByRole('button', { name: 'Open chat', exact: true });
const chatPanel = (page: Page) => page.getByRole('dialog', { name: 'Recertification help desk' });
const focusedIs = (page: Page, selector: string) => page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);
/** What the browser logs while it is offline is expected; everything else is a problem. */
const realProblems = (problems: string[]) => problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'));
const transcript = (page: Page) => page.locator('#webchat');
const suggested = (page: Page, name: string) =>
  page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name, exact: true });

async function say(page: Page, text: string): Promise<void> {
  await sendBox(page).fill(text);
  await sendBox(page).press('Enter');
}

/** Waits for text in the transcript after the given count of bot messages. */
async function expectInTranscript(page: Page, text: string | RegExp): Promise<void> {
  await transcript(page).getByText(text).last().waitFor({ state: 'visible', timeout: 20_000 });
}

describeIfChromium('help-center page with Web Chat (headless Chromium)', () => {
  let app: RunningApp;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await startApp();
  });
  afterAll(() => app?.close());

  it('serves the article with strict security headers and no inline script', async () => {
    const res = await fetch(app.baseUrl);
    const html = await res.text();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(html).toContain('How do I get Recertified?');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toContain('Was this article helpful');
    const bundle = await fetch(`${app.baseUrl}/vendor/webchat.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
  });

  it('by keyboard: answers a FAQ, follows a button, runs a path to its card, survives a network blip and a reload, closes', async () => {
    const browser = await openBrowser({ width: 1280, height: 800 });
    const { page } = browser;
    try {
      // Web Chat's activity streams pass through here, so the test can cut one as a flaky network would.
      const streams: Array<{ page: WebSocketRoute; server: WebSocketRoute }> = [];
      await page.routeWebSocket(/\/directline\/conversations\/[^/]+\/stream/, (ws) => {
        streams.push({ page: ws, server: ws.connectToServer() });
      });
      await page.goto(app.baseUrl);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('How do I get Recertified?');
      await page.screenshot({ path: path.join(ARTIFACTS, 'page-desktop.png') });

      // The launcher is reached with Tab, has a name, and says whether the chat is open.
      for (let i = 0; i < 30 && !(await focusedIs(page, '#chat-launcher')); i++) await page.keyboard.press('Tab');
      expect(await focusedIs(page, '#chat-launcher')).toBe(true);
      expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
      await page.keyboard.press('Enter');
      await chatPanel(page).waitFor({ state: 'visible' });
      expect(await page.locator('#chat-launcher').getAttribute('aria-expanded')).toBe('true');
      // Focus moves into the chat: the trainer can type straight away.
      await sendBox(page).waitFor({ timeout: 20_000 });
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-id') === 'webchat-sendbox-input');

      await expectInTranscript(page, /help-desk assistant/);
      await say(page, 'How many CECs do I need?');
      await expectInTranscript(page, /2\.0 CECs/);
      // A suggested action: Web Chat sends its title as the user's message.
      await suggested(page, 'Yes').click();
      await expectInTranscript(page, THANKS_FOR_FEEDBACK);
      // The path, each answer after the question it answers.
      const steps: [string, RegExp][] = [
        ['check my status', /When were you certified/],
        ['March 3, 2025', /Which exam did you pass/],
        ['online', /How many CECs have you earned/],
        ['1.5', /Is that right\?/],
      ];
      for (const [answer, nextQuestion] of steps) {
        await say(page, answer);
        await expectInTranscript(page, nextQuestion);
      }
      await say(page, 'yes');
      // The result is an Adaptive Card (Web Chat renders .ac-adaptiveCard) with the expiry date.
      const card = transcript(page).locator('.ac-adaptiveCard', { hasText: 'March 3, 2027' }).last();
      await card.waitFor({ timeout: 20_000 });
      const facts = await card.innerText();
      for (const fact of [/Status\s+active/, /CECs still needed\s+0\.5/, /Route 1: recertify by exam/, /Route 2: recertify by CECs/]) expect(facts).toMatch(fact);
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(ARTIFACTS, 'chat-desktop.png') });

      // A network blip (Web Chat's polling used to stop for good at the first failed request)...
      await browser.context.setOffline(true);
      await page.waitForTimeout(2500);
      await browser.context.setOffline(false);
      // ...and a dropped stream: Web Chat reconnects (after 3-15 s) with its watermark and shows what it missed.
      const opened = streams.length;
      const dropped = streams.at(-1)!;
      await dropped.server.close();
      await dropped.page.close();
      await say(page, 'What is the access code?');
      await transcript(page).getByText(/access code is\W+recertification/i).last().waitFor({ timeout: 30_000 });
      expect(streams.length).toBeGreaterThan(opened);
      await expectInTranscript(page, 'How many CECs do I need?');

      // Same tab, reload: the chat reopens and the conversation is still there.
      await page.reload();
      await sendBox(page).waitFor({ timeout: 20_000 });
      await expectInTranscript(page, 'How many CECs do I need?');
      await page.getByText('Connecting…', { exact: true }).waitFor({ state: 'detached' });
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(ARTIFACTS, 'chat-after-reload.png') });

      // The close button, by keyboard, gives focus back to the launcher.
      await page.locator('#chat-close').focus();
      await page.keyboard.press('Enter');
      await chatPanel(page).waitFor({ state: 'hidden' });
      expect(await focusedIs(page, '#chat-launcher')).toBe(true);
      expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
      expect(realProblems(browser.problems)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('works by keyboard on a phone-sized screen', async () => {
    const browser = await openBrowser({ width: 390, height: 844 });
    const { page } = browser;
    try {
      await page.goto(app.baseUrl);
      await page.screenshot({ path: path.join(ARTIFACTS, 'page-phone.png') });
      await launcher(page).focus();
      await page.keyboard.press('Enter');
      // Focus lands in the send box, so the trainer can type straight away.
      await sendBox(page).waitFor({ timeout: 20_000 });
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-id') === 'webchat-sendbox-input');
      await page.keyboard.type('hello');
      await page.keyboard.press('Enter');
      await expectInTranscript(page, 'hello');
      // The chat fills the phone's screen, nothing sticks out sideways, and the send box is on screen.
      expect(await page.locator('#chat-panel').boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
      const input = (await sendBox(page).boundingBox())!;
      expect(input.y + input.height).toBeLessThanOrEqual(844);
      // No sideways scrolling anywhere in the chat (Web Chat's transcript is the scrolling element).
      await page.waitForTimeout(500);
      const scrollsSideways = await page.evaluate(() =>
        // Web Chat's keyboard help is left out: it is shown only while the transcript has keyboard focus.
        [document.getElementById('chat-panel')!, ...Array.from(document.querySelectorAll('#chat-panel [class*="scrollable"]:not([class*="keyboard-help"])'))]
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.className),
      );
      expect(scrollsSideways).toEqual([]);
      await say(page, 'How many CECs do I need?');
      await expectInTranscript(page, /2\.0 CECs/);
      const buttons = page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button');
      for (const box of await Promise.all((await buttons.all()).map((b) => b.boundingBox()))) expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(ARTIFACTS, 'chat-phone.png') });
      // Escape closes the chat and gives focus back to the launcher.
      await page.keyboard.press('Escape');
      await expect(page.locator('#chat-panel').isHidden()).resolves.toBe(true);
      expect(await focusedIs(page, '#chat-launcher')).toBe(true);
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
