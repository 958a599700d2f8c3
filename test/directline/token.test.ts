import { bearerToken, createTokenSigner } from '../../src/channels/directline/token';

describe('direct line tokens', () => {
  const signer = createTokenSigner();
  const claims = { conversationId: 'conv-1', userId: 'dl_user', expiresAt: 2_000 };

  it('verifies its own tokens and returns their claims', () => {
    expect(signer.verify(signer.sign(claims), 1_000)).toEqual(claims);
  });

  it.each([
    ['expired', (t: string) => t, 2_000],
    ['signed by another key', () => createTokenSigner().sign(claims), 1_000],
    ['with a changed payload', (t: string) => `${Buffer.from(JSON.stringify({ c: 'conv-2', u: 'dl_user', e: 2_000 })).toString('base64url')}.${t.split('.')[1]}`, 1_000],
    ['with a truncated signature', (t: string) => t.slice(0, -3), 1_000],
    ['with an extra part', (t: string) => `${t}.x`, 1_000],
    ['empty', () => '', 1_000],
    ['garbage', () => 'not-a-token', 1_000],
  ])('refuses a token %s', (_name, mutate, now) => {
    expect(signer.verify(mutate(signer.sign(claims)), now)).toBeUndefined();
  });

  it.each([
    ['Bearer abc.def', 'abc.def'],
    ['bearer abc', 'abc'],
    ['Basic abc', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('reads the bearer token of %p', (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});
