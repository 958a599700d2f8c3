// The help-center page's HTTP surface: security headers, assets, Web Chat's bundle, operator links.
import { startHarness, type Harness } from './harness';
import { registerWebPage, renderLinks } from '../../src/web';

describe('help-center page (HTTP)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, (server) =>
      registerWebPage(server, { connectOrigins: ['https://dl.example'], links: { GUIDE_URL: 'https://example.org/guide?a=1&b="2"' } }),
    );
  });
  afterAll(() => h.close());

  it('serves the article with a strict CSP, a fresh style nonce per response, and no inline script', async () => {
    const [a, b] = await Promise.all([fetch(h.baseUrl), fetch(h.baseUrl)]);
    const csp = a.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).toMatch(/connect-src 'self' https:\/\/dl\.example;/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(nonce).not.toBe(/'nonce-([^']+)'/.exec(b.headers.get('content-security-policy')!)![1]);
    const html = await a.text();
    expect(html).toContain(`<meta name="csp-nonce" content="${nonce}">`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).toContain('<h1>How do I get Recertified?</h1>');
    expect(html).toMatch(/<button[^>]*id="chat-launcher"[\s\S]*?<span>Open chat<\/span>/);
    for (const [name, value] of [
      ['x-content-type-options', 'nosniff'],
      ['referrer-policy', 'no-referrer'],
      ['x-frame-options', 'DENY'],
      ['cache-control', 'no-store'],
    ]) expect(a.headers.get(name)).toBe(value);
  });

  it('links what the operator configured, escaped, and leaves the rest as words', async () => {
    const html = await (await fetch(h.baseUrl)).text();
    expect(html).toContain('<a href="https://example.org/guide?a=1&amp;b=&quot;2&quot;" rel="noopener">Recertification Guide</a>');
    expect(html).toContain('<span data-link="PORTAL_URL">your portal</span>');
    expect(renderLinks('<span data-link="PORTAL_URL">x</span>', {})).toBe('<span data-link="PORTAL_URL">x</span>');
  });

  it.each([
    ['/assets/site.css', 'text/css'],
    ['/assets/chat.js', 'text/javascript'],
    ['/assets/favicon.svg', 'image/svg+xml'],
  ])('serves %s as %s with nosniff', async (url, type) => {
    const res = await fetch(`${h.baseUrl}${url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each(['/assets/index.html', '/assets/..%2Fpackage.json', '/assets/nope.js', '/public/chat.js'])('does not serve %s', async (url) => {
    expect((await fetch(`${h.baseUrl}${url}`)).status).toBe(404);
  });

  it('serves Web Chat’s standalone bundle from node_modules, gzipped when asked', async () => {
    const plain = await fetch(`${h.baseUrl}/vendor/webchat.js`, { headers: { 'Accept-Encoding': 'identity' } });
    const body = await plain.text();
    expect(plain.status).toBe(200);
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(body).toContain('renderWebChat');
    const zipped = await fetch(`${h.baseUrl}/vendor/webchat.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(Number(zipped.headers.get('content-length'))).toBeLessThan(body.length / 2);
    expect((await zipped.text()).length).toBe(body.length);
  });
});
