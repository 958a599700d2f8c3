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

const notice = (page: Page) => page.locator('#chat-notice');
/** True when the page behind the chat is out of reach (inert), as it must be while the chat covers it. */
const articleInert = (page: Page) => page.evaluate(() => document.getElementById('article')!.closest('[inert]') !== null);
const focusInChat = (page: Page) => page.evaluate(() => document.getElementById('chat-panel')!.contains(document.activeElement));

/** Labels of Web Chat buttons (card buttons and suggested actions) whose text is cut off ("…") or hidden. */
const truncatedButtons = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('#webchat .ac-pushButton > div, #webchat .webchat__suggested-action__text'))
      .filter((label) => label.scrollWidth > label.clientWidth + 1 || label.scrollHeight > label.clientHeight + 1)
      .map((label) => label.textContent),
  );

/** Waits until Web Chat's transcript stops scrolling (it animates), then says whether the element is in its view. */
async function inTranscriptView(page: Page, selector: string, text: string): Promise<boolean> {
  let last = -1;
  for (let i = 0; i < 25; i++) {
    const top = await page.evaluate(() => document.querySelector('.webchat__basic-transcript__scrollable')!.scrollTop);
    if (top === last) break;
    last = top;
    await page.waitForTimeout(200);
  }
  return page.evaluate(
    ([sel, words]) => {
      const scroller = document.querySelector('.webchat__basic-transcript__scrollable')!.getBoundingClientRect();
      const el = Array.from(document.querySelectorAll(sel)).filter((e) => e.textContent!.includes(words)).pop()!;
      const box = el.getBoundingClientRect();
      return box.top >= scroller.top - 1 && box.bottom <= scroller.bottom + 1;
    },
    [selector, text] as const,
  );
}

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
      // Beside the article, the panel is a non-modal dialog: the article stays readable and reachable.
      expect(await page.locator('#chat-panel').getAttribute('aria-modal')).toBe('false');
      expect(await articleInert(page)).toBe(false);
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
      // The card is taller than the transcript: the trainer sees its first line, not its last step.
      expect(await inTranscriptView(page, '.ac-adaptiveCard .ac-textBlock', 'Your certification expires on March 3, 2027')).toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS, 'chat-desktop.png') });

      // A network blip (Web Chat's polling used to stop for good at the first failed request): a polite notice
      // says the browser is offline straight away, instead of "Send failed" 20 s after the next message...
      expect(await notice(page).textContent()).toBe('');
      await browser.context.setOffline(true);
      await notice(page).getByText(/You're offline/).waitFor({ timeout: 5_000 });
      expect(await notice(page).getAttribute('aria-live')).toBe('polite');
      await page.screenshot({ path: path.join(ARTIFACTS, 'chat-offline-desktop.png') });
      await page.waitForTimeout(2500);
      await browser.context.setOffline(false);
      await notice(page).getByText(/You're offline/).waitFor({ state: 'detached', timeout: 5_000 });
      // ...and a dropped stream: Web Chat reconnects (after 3-15 s) with its watermark and shows what it missed.
      const opened = streams.length;
      const dropped = streams.at(-1)!;
      await dropped.server.close();
      await dropped.page.close();
      await notice(page).getByText('Connection lost. Reconnecting…').waitFor({ timeout: 5_000 });
      await say(page, 'What is the access code?');
      await transcript(page).getByText(/access code is\W+recertification/i).last().waitFor({ timeout: 30_000 });
      expect(streams.length).toBeGreaterThan(opened);
      // The reply came over the new stream: the notice is gone.
      expect(await notice(page).textContent()).toBe('');
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

      // Opened from the article's own button, the chat gives focus back to that button, not to the launcher.
      await page.getByRole('button', { name: 'Ask the help desk assistant' }).focus();
      await page.keyboard.press('Enter');
      await chatPanel(page).waitFor({ state: 'visible' });
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-id') === 'webchat-sendbox-input');
      await page.keyboard.press('Escape');
      await chatPanel(page).waitFor({ state: 'hidden' });
      expect(await focusedIs(page, '[data-open-chat]')).toBe(true);
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
      // Covering the page, the chat is a modal dialog: the article behind is inert and Tab stays in the chat.
      expect(await page.locator('#chat-panel').getAttribute('aria-modal')).toBe('true');
      expect(await articleInert(page)).toBe(true);
      await page.keyboard.type('hello');
      await page.keyboard.press('Enter');
      await expectInTranscript(page, 'hello');
      for (const key of [...Array<string>(12).fill('Tab'), ...Array<string>(4).fill('Shift+Tab')]) {
        await page.keyboard.press(key);
        expect([key, await focusInChat(page)]).toEqual([key, true]);
      }
      await sendBox(page).focus();
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
      // Related questions are whole on a phone: a long title wraps instead of ending in "…".
      await transcript(page).locator('.ac-pushButton', { hasText: 'Which CECs count toward recertification?' }).waitFor();
      expect(await truncatedButtons(page)).toEqual([]);
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(ARTIFACTS, 'chat-phone.png') });
      // Escape closes the chat and gives focus back to the launcher.
      await page.keyboard.press('Escape');
      await expect(page.locator('#chat-panel').isHidden()).resolves.toBe(true);
      expect(await focusedIs(page, '#chat-launcher')).toBe(true);
      // Closed, the page is whole again.
      expect(await articleInert(page)).toBe(false);
      expect(await page.locator('#chat-panel').getAttribute('aria-modal')).toBe('false');
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('opened while offline: says so, then connects by itself once the connection is back', async () => {
    const browser = await openBrowser({ width: 390, height: 844 });
    const { page } = browser;
    try {
      await page.goto(app.baseUrl);
      await browser.context.setOffline(true);
      await launcher(page).click();
      await notice(page).getByText(/You're offline/).waitFor({ timeout: 5_000 });
      await page.getByText('The chat is unavailable right now.').waitFor({ timeout: 10_000 });
      await page.screenshot({ path: path.join(ARTIFACTS, 'chat-offline-phone.png') });
      await browser.context.setOffline(false);
      await expectInTranscript(page, /help-desk assistant/);
      expect(await notice(page).textContent()).toBe('');
      expect(await page.locator('#chat-status').textContent()).toBe('');
      expect(realProblems(browser.problems)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
