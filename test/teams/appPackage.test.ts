import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { buildTeamsPackage, fillPlaceholders, iconProblems, TeamsPackageError } from '../../src/channels/teams/appPackage';
import { MANIFEST_VERSION, teamsManifestSchema } from '../../src/channels/teams/manifestSchema';
import { decodeRgbaPng, encodePng, pngInfo } from '../../src/channels/teams/png';
import { colorIcon, outlineIcon } from '../../scripts/teamsIcons';

const APP_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const TEAMS_APP_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const env = { MicrosoftAppId: APP_ID.toUpperCase(), TEAMS_APP_ID, PUBLIC_URL: 'https://bot.action.example/', APP_VERSION: '1.2.3' };
const packageDir = join(__dirname, '../../appPackage');

function copyOfPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'teams-pkg-'));
  for (const f of ['manifest.json', 'color.png', 'outline.png']) copyFileSync(join(packageDir, f), join(dir, f));
  return dir;
}

describe('npm run teams:package (buildTeamsPackage)', () => {
  test('builds a zip with the ids filled, a valid manifest and both icons at the root', async () => {
    const outFile = join(mkdtempSync(join(tmpdir(), 'teams-out-')), 'pkg.zip');
    const result = await buildTeamsPackage({ env, outFile });
    const zip = await JSZip.loadAsync(readFileSync(outFile));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const manifest = teamsManifestSchema.parse(JSON.parse(await zip.file('manifest.json')!.async('string')));
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
    expect(manifest.id).toBe(TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.developer.websiteUrl).toBe('https://bot.action.example');
    expect(manifest.validDomains).toEqual(['bot.action.example']);
    expect([...manifest.bots[0].scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(manifest.bots[0].commandLists![0].commands.map((c) => c.title)).toEqual(['ask a question', 'check recertification', 'queue']);
    expect(result.manifest).toEqual(manifest);

    const color = await zip.file('color.png')!.async('nodebuffer');
    const outline = await zip.file('outline.png')!.async('nodebuffer');
    expect(pngInfo(color)).toMatchObject({ width: 192, height: 192 });
    expect(pngInfo(outline)).toMatchObject({ width: 32, height: 32 });
    expect(iconProblems(color, outline)).toEqual([]);
  });

  test('the app id defaults to the bot id', async () => {
    const outFile = join(mkdtempSync(join(tmpdir(), 'teams-out-')), 'pkg.zip');
    const { manifest } = await buildTeamsPackage({ env: { ...env, TEAMS_APP_ID: '' }, outFile });
    expect(manifest.id).toBe(APP_ID);
  });

  test.each([
    ['no bot id', { MicrosoftAppId: undefined }, /MicrosoftAppId/],
    ['bot id not a GUID', { MicrosoftAppId: 'my-bot' }, /MicrosoftAppId: expected the GUID/],
    ['http public URL', { PUBLIC_URL: 'http://bot.action.example' }, /PUBLIC_URL: expected an https/],
    ['bad version', { APP_VERSION: 'v2' }, /APP_VERSION/],
  ])('refuses: %s', async (_name, override, message) => {
    const outFile = join(mkdtempSync(join(tmpdir(), 'teams-out-')), 'pkg.zip');
    await expect(buildTeamsPackage({ env: { ...env, ...override }, outFile })).rejects.toThrow(message);
  });

  test.each([
    ['an unknown placeholder', (m: Record<string, unknown>) => ({ ...m, packageName: '${{NOPE}}' }), /\$\{\{NOPE\}\} has no value/],
    ['a short name over 30 characters', (m: Record<string, unknown>) => ({ ...m, name: { short: 'ACTION Certification Help Desk Bot', full: 'x' } }), /name.short/],
    ['a command title over 32 characters', (m: any) => {
      m.bots[0].commandLists[0].commands[0].title = 'ask a question about recertification please';
      return m;
    }, /commands.0.title/],
    ['an old manifest version', (m: Record<string, unknown>) => ({ ...m, manifestVersion: '1.16' }), /manifestVersion/],
  ])('refuses a manifest with %s', async (_name, edit, message) => {
    const dir = copyOfPackage();
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(edit(manifest)));
    await expect(buildTeamsPackage({ env, dir, outFile: join(dir, 'out.zip') })).rejects.toThrow(message);
  });

  test('placeholders are JSON-escaped', () => {
    expect(fillPlaceholders('{"a":"${{X}}"}', { X: 'say "hi"' })).toBe('{"a":"say \\"hi\\""}');
  });
});

describe('icons', () => {
  test('the committed icons are the ones the icon script draws', () => {
    expect(readFileSync(join(packageDir, 'color.png')).equals(encodePng(colorIcon()))).toBe(true);
    expect(readFileSync(join(packageDir, 'outline.png')).equals(encodePng(outlineIcon()))).toBe(true);
  });

  test('PNG round trip', () => {
    const image = outlineIcon();
    expect(decodeRgbaPng(encodePng(image))).toEqual(image);
  });

  test.each([
    ['a coloured outline', () => {
      const o = outlineIcon();
      o.pixels.set([255, 0, 0, 255], 0);
      return [encodePng(colorIcon()), encodePng(o)];
    }, /neither white nor transparent/],
    ['an opaque outline', () => {
      const o = outlineIcon();
      for (let i = 3; i < o.pixels.length; i += 4) o.pixels[i] = 255;
      return [encodePng(colorIcon()), encodePng(o)];
    }, /no transparent background/],
    ['a small colour icon', () => [encodePng(outlineIcon()), encodePng(outlineIcon())], /color icon is 32x32/],
    ['not a PNG', () => [Buffer.from('GIF89a'), encodePng(outlineIcon())], /color icon: not a PNG/],
  ])('flags %s', (_name, make, message) => {
    const [color, outline] = make();
    expect(iconProblems(color, outline).join('\n')).toMatch(message);
  });
});

test('package errors list every problem', () => {
  expect(new TeamsPackageError(['a', 'b']).message).toBe('The Teams app package is not valid:\n  - a\n  - b');
});
