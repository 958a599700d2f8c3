import { loadConfig, ConfigError } from '../../src/config';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3978, STORAGE: '', LOG_LEVEL: 'info', TIMEZONE: 'UTC', HANDOFF_TIMEOUT_MINUTES: 10 });
    expect(c.PORTAL_URL).toBeUndefined();
    expect(c.AGENT_IDS).toEqual([]);
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT: expected a port number$/],
    [{ PORT: '70000' }, /^Invalid configuration: PORT:/],
    [{ PORTAL_URL: 'not a url' }, /^Invalid configuration: PORTAL_URL: expected an http\(s\) URL or empty$/],
    [{ UPLOAD_URL: 'ftp://x.org' }, /^Invalid configuration: UPLOAD_URL:/],
    [{ TIMEZONE: 'Mars/Olympus' }, /^Invalid configuration: TIMEZONE: expected an IANA time zone/],
    [{ STORAGE: 'mongo://x' }, /^Invalid configuration: STORAGE: expected empty/],
    [{ LOG_LEVEL: 'loud' }, /^Invalid configuration: LOG_LEVEL:/],
    [{ MicrosoftAppType: 'Other' }, /^Invalid configuration: MicrosoftAppType:/],
    [{ HANDOFF_TIMEOUT_MINUTES: '-1' }, /^Invalid configuration: HANDOFF_TIMEOUT_MINUTES:/],
  ])('%j is refused with one line naming the variable', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(expected);
  });

  it.each([
    [{ PORTAL_URL: 'https://portal.example.org/cec' }, 'PORTAL_URL', 'https://portal.example.org/cec'],
    [{ STORAGE: 'redis://127.0.0.1:6379' }, 'STORAGE', 'redis://127.0.0.1:6379'],
    [{ AGENT_IDS: 'a, b,,c' }, 'AGENT_IDS', ['a', 'b', 'c']],
    [{ MicrosoftAppId: '  ' }, 'MicrosoftAppId', undefined],
    [{ LOG_LEVEL: 'silent' }, 'LOG_LEVEL', 'silent'],
  ])('%j is read', (env, key, value) => {
    expect(loadConfig(env)[key as keyof ReturnType<typeof loadConfig>]).toEqual(value);
  });
});
