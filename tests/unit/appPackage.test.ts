import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { parseTextCommand } from '../../src/domain/conversation/textCommand';

// @microsoft/app-manifest loads strip-bom (ESM only) at import time, which Jest's CommonJS
// runtime cannot require. Only the file-reading helpers use it, and this test reads the
// manifest itself, so a pass-through stand-in is enough.
jest.mock('strip-bom', () => (text: string) => text);

const root = join(__dirname, '..', '..');
const appPackage = join(root, 'appPackage');
// The schema ships with the package, so validation never goes online.
const schemaPath = join(root, 'node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.22/MicrosoftTeams.schema.json');

type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;
type Manifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

interface Command {
  title: string;
  description: string;
}
interface BotEntry {
  botId?: string;
  scopes: string[];
  commandLists: { scopes: string[]; commands: Command[] }[];
}
interface TeamsManifest {
  id: string;
  name: { short: string; full?: string };
  icons: { color: string; outline: string };
  bots: BotEntry[];
}

/** What the toolkit would put in place of each placeholder; an unknown placeholder fails the test. */
const sampleValues: Record<string, string> = {
  TEAMS_APP_ID: '7b0c7c1e-4f3a-4c1d-9a8e-2f6d5b4a3c21',
  BOT_ID: 'c2d9e8f7-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  BOT_DOMAIN: 'svibdev123.azurewebsites.net',
  AAD_APP_CLIENT_ID: '5a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
};

const placeholder = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const manifestText = readFileSync(join(appPackage, 'manifest.json'), 'utf8');
const template = JSON.parse(manifestText) as TeamsManifest;
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Schema;

function rendered(): TeamsManifest {
  const text = manifestText.replace(placeholder, (_match, name: string) => {
    const value = sampleValues[name];
    if (value === undefined) throw new Error(`manifest.json uses \${{${name}}}, which this test has no sample value for`);
    return value;
  });
  return JSON.parse(text) as TeamsManifest;
}

function validate(manifest: TeamsManifest): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as Manifest, schema);
}

function placeholderName(value: string | undefined): string | undefined {
  return /^\$\{\{([A-Z0-9_]+)\}\}$/.exec(value ?? '')?.[1];
}

/** The env variable a toolkit step writes an output to, e.g. `botId` of botAadApp/create. */
function writtenBy(ymlFile: string, action: string, output: string): string | undefined {
  const text = readFileSync(join(root, ymlFile), 'utf8');
  const steps = text.split(/^\s*- uses: /m).slice(1);
  const step = steps.find((s) => s.startsWith(`${action}\n`) || s.startsWith(`${action} `));
  return step ? new RegExp(`^\\s+${output}:\\s*([A-Z][A-Z0-9_]*)\\s*$`, 'm').exec(step)?.[1] : undefined;
}

interface Png {
  width: number;
  height: number;
  colorType: number;
  bitDepth: number;
  interlace: number;
  idat: Buffer;
}

function readPng(file: string): Png {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  const idat: Buffer[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    if (bytes.toString('ascii', offset + 4, offset + 8) === 'IDAT') idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes[24],
    colorType: bytes[25],
    interlace: bytes[28],
    idat: Buffer.concat(idat),
  };
}

/** Colour and alpha of every pixel of an 8-bit, non-interlaced RGBA or grey+alpha PNG. */
function pixels(png: Png): { r: number; g: number; b: number; a: number }[] {
  const channels = png.colorType === 6 ? 4 : 2;
  const stride = png.width * channels;
  const raw = inflateSync(png.idat);
  const out = Buffer.alloc(stride * png.height);
  for (let y = 0; y < png.height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const left = x >= channels ? out[y * stride + x - channels] : 0;
      const up = y > 0 ? out[(y - 1) * stride + x] : 0;
      const upLeft = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predictor = [0, left, up, Math.floor((left + up) / 2), paeth()][filter];
      out[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const result = [];
  for (let i = 0; i < out.length; i += channels) {
    result.push(channels === 4 ? { r: out[i], g: out[i + 1], b: out[i + 2], a: out[i + 3] } : { r: out[i], g: out[i], b: out[i], a: out[i + 1] });
  }
  return result;
}

describe('Teams app package', () => {
  it('is valid against the v1.22 manifest schema once the toolkit has filled in the placeholders', async () => {
    expect(template.id).toBe('${{TEAMS_APP_ID}}');
    expect(await validate(rendered())).toEqual([]);
  });

  it('reports a manifest without a bot id', async () => {
    const broken = rendered();
    delete broken.bots[0].botId;
    const errors = await validate(broken);
    expect(errors.some((error) => error.includes('/bots/0') && error.includes('botId'))).toBe(true);
  });

  it('reports a short name longer than Teams allows', async () => {
    const broken = rendered();
    broken.name.short = 'SVIB – School Video Interactie Begeleiding';
    const errors = await validate(broken);
    expect(errors.some((error) => error.startsWith('/name/short'))).toBe(true);
  });

  it('offers the bot in personal chats, teams and group chats', () => {
    expect(template.bots).toHaveLength(1);
    expect([...template.bots[0].scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  it('lists only commands with a title and description that the bot understands', () => {
    const lists = template.bots[0].commandLists;
    expect(lists.map((list) => list.scopes).flat().sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const command of lists.flatMap((list) => list.commands)) {
      expect(command.title.trim()).not.toBe('');
      expect(command.description.trim()).not.toBe('');
      expect(parseTextCommand(command.title)).not.toBe('unknown');
    }
    const personal = lists.find((list) => list.scopes.includes('personal'));
    expect(personal?.commands.map((command) => parseTextCommand(command.title))).toEqual(['help', 'requestSupport', 'myTrajectories', 'aboutSvib', 'myGuidance', 'propose', 'auditLog', 'sharedWithMe', 'myKijkwijzers', 'settings']);
    const team = lists.find((list) => list.scopes.includes('team'));
    expect(team?.commands.map((command) => parseTextCommand(command.title))).toEqual(['help', 'directieChannel', 'summary']);
  });

  it('has a 192x192 colour icon and a 32x32 white-on-transparent outline icon', () => {
    const color = join(appPackage, template.icons.color);
    const outline = join(appPackage, template.icons.outline);
    expect(existsSync(color)).toBe(true);
    expect(existsSync(outline)).toBe(true);

    expect(readPng(color)).toMatchObject({ width: 192, height: 192 });
    const outlinePng = readPng(outline);
    expect(outlinePng).toMatchObject({ width: 32, height: 32, bitDepth: 8, interlace: 0 });
    expect([4, 6]).toContain(outlinePng.colorType);
    const all = pixels(outlinePng);
    expect(all.some((p) => p.a === 0)).toBe(true);
    expect(all.filter((p) => p.a > 0).every((p) => p.r === 255 && p.g === 255 && p.b === 255)).toBe(true);

    for (const file of [color, outline]) expect(readFileSync(file).length).toBeLessThan(50 * 1024);
  });

  it.each(['teamsapp.yml', 'teamsapp.local.yml'])('uses the app and bot ids that %s writes', (ymlFile) => {
    expect(placeholderName(template.id)).toBeDefined();
    expect(placeholderName(template.id)).toBe(writtenBy(ymlFile, 'teamsApp/create', 'teamsAppId'));
    expect(placeholderName(template.bots[0].botId)).toBeDefined();
    expect(placeholderName(template.bots[0].botId)).toBe(writtenBy(ymlFile, 'botAadApp/create', 'botId'));
  });
});
