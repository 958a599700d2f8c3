// One ConnectorClient per (app id, service URL, audience) and one UserTokenClient per app id, bounded, and a
// failed creation is retried.
import { AuthenticationConstants, ClaimsIdentity, type ConnectorClient, type ConnectorFactory, type UserTokenClient } from 'botframework-connector';
import { ConnectorClientCache, MAX_CACHED_CLIENTS } from '../../src/connectorCache';

function countingFactory(appId: string, fail = false): ConnectorFactory & { made: number } {
  const factory = {
    appId,
    made: 0,
    create: async (serviceUrl: string, audience?: string) => {
      factory.made++;
      if (fail) throw new Error('no credentials');
      return { serviceUrl, audience, appId } as unknown as ConnectorClient;
    },
  };
  return factory;
}

describe('ConnectorClientCache', () => {
  it('builds a client once per app id, service URL and audience', async () => {
    const cache = new ConnectorClientCache();
    const bot = countingFactory('bot-app');
    const a = await cache.wrap(bot).create('https://smba.example/amer/', 'aud');
    const b = await cache.wrap(countingFactory('bot-app')).create('https://smba.example/amer/', 'aud'); // a new factory per turn
    expect(b).toBe(a);
    expect(bot.made).toBe(1);

    const cases: Array<[string, string, string | undefined]> = [
      ['bot-app', 'https://smba.example/emea/', 'aud'],
      ['bot-app', 'https://smba.example/amer/', 'other-aud'],
      ['bot-app', 'https://smba.example/amer/', undefined],
      ['skill-app', 'https://smba.example/amer/', 'aud'],
    ];
    for (const [appId, url, audience] of cases) {
      const client = await cache.wrap(countingFactory(appId)).create(url, audience);
      expect(client).not.toBe(a);
      expect(client).toMatchObject({ appId, serviceUrl: url });
    }
    expect(cache.size).toBe(1 + cases.length);
  });

  it('keeps at most MAX_CACHED_CLIENTS, dropping the least recently used', async () => {
    const cache = new ConnectorClientCache();
    const factory = countingFactory('bot-app');
    const wrapped = cache.wrap(factory);
    const first = await wrapped.create('https://keep.example/');
    for (let i = 0; i < MAX_CACHED_CLIENTS * 3; i++) {
      await wrapped.create(`https://made-up-${i}.example/`);
      expect(await wrapped.create('https://keep.example/')).toBe(first); // used every time: never evicted
    }
    expect(cache.size).toBe(MAX_CACHED_CLIENTS);
    const made = factory.made;
    await wrapped.create('https://made-up-0.example/'); // evicted long ago: built again
    expect(factory.made).toBe(made + 1);
  });

  it('does not keep a failed creation', async () => {
    const cache = new ConnectorClientCache();
    await expect(cache.wrap(countingFactory('bot-app', true)).create('https://x.example/')).rejects.toThrow('no credentials');
    await new Promise((r) => setImmediate(r));
    expect(cache.size).toBe(0);
    const ok = countingFactory('bot-app');
    await expect(cache.wrap(ok).create('https://x.example/')).resolves.toMatchObject({ serviceUrl: 'https://x.example/' });
    expect(ok.made).toBe(1);
  });

  it('builds one user-token client per app id, from the audience claim or else the appid claim', async () => {
    const cache = new ConnectorClientCache();
    let made = 0;
    const create = (tag: string) => async () => ({ tag, n: ++made }) as unknown as UserTokenClient;
    const claims = (type: string, value: string) => new ClaimsIdentity([{ type, value }], true);
    const a = await cache.userTokenClient(claims(AuthenticationConstants.AudienceClaim, 'bot-app'), create('a'));
    expect(await cache.userTokenClient(claims(AuthenticationConstants.AudienceClaim, 'bot-app'), create('b'))).toBe(a);
    expect(await cache.userTokenClient(claims(AuthenticationConstants.AppIdClaim, 'bot-app'), create('c'))).toBe(a); // emulator tokens
    expect(await cache.userTokenClient(claims(AuthenticationConstants.AudienceClaim, 'skill-app'), create('d'))).toMatchObject({ tag: 'd' });
    expect(await cache.userTokenClient(new ClaimsIdentity([], true), create('e'))).toMatchObject({ tag: 'e' }); // auth disabled
    expect(made).toBe(3);
  });
});
