import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { storageNames } from '../../src/storage/storageClients';

// azure.bicep cannot be compiled here (no Bicep CLI), so these are text checks: cheap, but
// they catch a security setting or a wiring between the files getting lost in an edit.

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const bicep = read('infra/azure.bicep');
const parametersFile = 'infra/azure.parameters.json';
interface PackageJson {
  engines: { node: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
const packageJson = JSON.parse(read('package.json')) as PackageJson;
const parameters = JSON.parse(read(parametersFile)) as { parameters: Record<string, { value: unknown }> };

/** Bicep without its line comments (a `//` outside quotes), so a commented-out setting does not count. */
function withoutComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "'" && line[i - 1] !== '\\') quoted = !quoted;
    if (!quoted && line.startsWith('//', i)) return line.slice(0, i).trimEnd();
  }
  return line;
}
const code = bicep.split('\n').map(withoutComment).join('\n');

function placeholders(text: string): string[] {
  return [...text.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((match) => match[1]);
}

function envKeys(file: string): string[] {
  return read(file)
    .split('\n')
    .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line.trim())?.[1])
    .filter((key): key is string => key !== undefined);
}

function bicepOutputs(text: string): string[] {
  return [...text.matchAll(/^output (\w+) /gm)].map((match) => match[1]);
}

interface BicepParam {
  name: string;
  hasDefault: boolean;
}
function bicepParams(text: string): BicepParam[] {
  return [...text.matchAll(/^param (\w+) \w+( =)?/gm)].map((match) => ({ name: match[1], hasDefault: match[2] !== undefined }));
}

interface Step {
  uses: string;
  /** The step's lines without comment lines. */
  text: string;
  /** Env variables the step writes through writeToEnvironmentFile. */
  writes: string[];
}

/**
 * The steps of one lifecycle (provision, deploy) of a toolkit yml, in order. A small reader for
 * the shape these files use (two-space indent, one `- uses:` per step), not a YAML parser.
 */
function lifecycle(yml: string, name: string): Step[] {
  const lines = yml.split('\n').filter((line) => !/^\s*#/.test(line));
  const start = lines.indexOf(`${name}:`);
  if (start === -1) return [];
  const end = lines.findIndex((line, index) => index > start && /^\S/.test(line));
  const body = lines.slice(start + 1, end === -1 ? undefined : end);

  const steps: string[][] = [];
  for (const line of body) {
    if (/^ {2}- uses: /.test(line)) steps.push([line]);
    else steps[steps.length - 1]?.push(line);
  }
  return steps.map((stepLines) => {
    const uses = /- uses: (\S+)/.exec(stepLines[0])![1];
    const writes: string[] = [];
    const at = stepLines.findIndex((line) => /^\s+writeToEnvironmentFile:\s*$/.test(line));
    if (at !== -1) {
      const indent = stepLines[at].search(/\S/);
      for (const line of stepLines.slice(at + 1)) {
        if (line.trim() !== '' && line.search(/\S/) <= indent) break;
        const value = /^\s+\w+:\s*([A-Z][A-Z0-9_]*)\s*(#.*)?$/.exec(line)?.[1];
        if (value) writes.push(value);
      }
    }
    return { uses, text: stepLines.join('\n'), writes };
  });
}

/** Files a step hands to the toolkit whose placeholders it fills in. */
function filesOf(step: Step): string[] {
  return [...step.text.matchAll(/^\s+(?:-\s+)?(?:manifestPath|parameters):\s*(\S+)/gm)].map((match) => match[1]);
}

/**
 * Walks provision, then deploy, and returns every placeholder used before anything set it:
 * a value must come from the environment file or from an earlier step's outputs.
 */
function unresolvedPlaceholders(ymlFile: string, envFile: string): string[] {
  const yml = read(ymlFile);
  const known = new Set(envKeys(envFile));
  const problems: string[] = [];
  for (const step of [...lifecycle(yml, 'provision'), ...lifecycle(yml, 'deploy')]) {
    const used = [...placeholders(step.text), ...filesOf(step).flatMap((file) => placeholders(read(file)))];
    for (const name of used) if (!known.has(name)) problems.push(`${step.uses} uses \${{${name}}}`);
    for (const name of step.writes) known.add(name);
    if (step.uses === 'arm/deploy') for (const name of bicepOutputs(bicep)) known.add(name);
  }
  return problems;
}

describe('infra/azure.bicep', () => {
  it('locks the storage account down', () => {
    expect(code).toMatch(/supportsHttpsTrafficOnly:\s*true/);
    expect(code).toMatch(/minimumTlsVersion:\s*'TLS1_2'/);
    expect(code).toMatch(/allowBlobPublicAccess:\s*false/);
    expect(code).toMatch(/allowSharedKeyAccess:\s*false/);
    // Deleted recordings are gone for real: no blob soft delete, no versions.
    expect(code).toMatch(/\bdeleteRetentionPolicy:\s*\{\s*enabled:\s*false\s*\}/);
    expect(code).toMatch(/isVersioningEnabled:\s*false/);
    expect(code).toMatch(/prefixMatch:\s*\[\s*'\$\{storageNamePrefix\}-recordings\/staging\/'\s*\]/);
    expect(code).toMatch(/containerDeleteRetentionPolicy:\s*\{\s*enabled:\s*true/);
  });

  it('gives the web app its data roles on the storage account through a system-assigned identity', () => {
    expect(code).toMatch(/identity:\s*\{\s*type:\s*'SystemAssigned'\s*\}/);
    expect(code).toContain("'ba92f5b4-2d11-453d-a403-e96b0029c9fe'"); // Storage Blob Data Contributor
    expect(code).toContain("'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'"); // Storage Table Data Contributor
    expect(code).toContain("'974c5e8b-45b9-4653-ba55-5f855dd0fb88'"); // Storage Queue Data Contributor
    expect(code).toMatch(/principalId:\s*webApp\.identity\.principalId/);
  });

  it('runs the web app on Node 24 LTS over HTTPS only, started the way production starts and nothing else', () => {
    expect(code).toMatch(/linuxFxVersion:\s*'NODE\|24-lts'/);
    expect(code).toMatch(/httpsOnly:\s*true/);
    expect(code).toMatch(/ftpsState:\s*'Disabled'/);
    expect(code).toMatch(/minTlsVersion:\s*'1\.2'/);
    const commandLine = /appCommandLine:\s*'([^']+)'/.exec(code)?.[1];
    expect(commandLine).toBe(packageJson.scripts['start:bot']);
    expect(packageJson.scripts['start:bot']).toBe('node dist/src/index.js');
    // Nothing is installed when a container starts: ffmpeg ships in the deployment.
    expect(code).not.toMatch(/apt-get|apk add|npm (ci|install)/);
    expect(code).toContain("healthCheckPath: '/healthz'");
  });

  it('creates tables and a container only under names the app uses', () => {
    const prefix = /^var storageNamePrefix = '([a-z][a-z0-9]*)'$/m.exec(code)?.[1];
    expect(prefix).toBe('svib');
    const names = storageNames(prefix!);
    const resolved = code.replace(/\$\{storageNamePrefix\}/g, prefix!);
    const tableList = /^var tableNames = \[([^\]]*)\]/m.exec(resolved)?.[1] ?? '';
    const tables = [...tableList.matchAll(/'([^']+)'/g)].map((match) => match[1]);
    expect(tables).toEqual(expect.arrayContaining([names.installationsTable, names.processedActivitiesTable]));
    const appTables = Object.entries(names)
      .filter(([key]) => key.endsWith('Table'))
      .map(([, name]) => name);
    expect(tables.filter((table) => !appTables.includes(table))).toEqual([]);
    expect(resolved).toMatch(/for tableName in tableNames:[\s\S]*?name: tableName/);
    expect(resolved).toContain(`name: '${names.turnStateContainer}'`);
    const queueList = /^var queueNames = \[([^\]]*)\]/m.exec(resolved)?.[1] ?? '';
    expect([...queueList.matchAll(/'([^']+)'/g)].map((match) => match[1])).toEqual([names.deliveryQueue, names.deliveryPoisonQueue]);
    expect(code).toMatch(/name: 'STORAGE_NAME_PREFIX'\s*value: storageNamePrefix/);
  });

  it('gives the app the settings it needs to start in production mode', () => {
    const settings = [...code.matchAll(/\{\s*name: '(\w+)'\s*value: ([^\n]+)\s*\}/g)].map((match) => ({ name: match[1], value: match[2].trim() }));
    const byName = new Map(settings.map((setting) => [setting.name, setting.value]));
    expect(byName.get('AZURE_STORAGE_ACCOUNT_NAME')).toBe('storage.name');
    expect(byName.has('AZURE_STORAGE_CONNECTION_STRING')).toBe(false);
    expect(byName.get('BOT_ID')).toBe('botAadAppClientId');
    expect(byName.get('BOT_PASSWORD')).toBe('botAadAppClientSecret');
    expect(byName.get('SCM_DO_BUILD_DURING_DEPLOYMENT')).toBe("'false'");
    // The app and the Azure Bot must agree on how the bot authenticates.
    expect(byName.get('BOT_TYPE')).toBe('botAppType');
    expect(code).toMatch(/msaAppType:\s*botAppType/);
  });

  it('registers the bot for Teams at the web app\'s messages endpoint', () => {
    expect(code).toMatch(/kind:\s*'azurebot'/);
    expect(code).toContain("endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'");
    expect(code).toContain("channelName: 'MsTeamsChannel'");
  });

  it('declares the outputs the toolkit files and the manifest rely on', () => {
    expect(bicepOutputs(bicep)).toEqual(
      expect.arrayContaining(['BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_DOMAIN', 'BOT_ENDPOINT', 'AZURE_STORAGE_ACCOUNT_NAME']),
    );
  });
});

describe('infra/azure.parameters.json', () => {
  it('supplies exactly the parameters azure.bicep declares, and every one without a default', () => {
    const declared = bicepParams(bicep);
    const supplied = Object.keys(parameters.parameters);
    expect(supplied.filter((name) => !declared.some((param) => param.name === name))).toEqual([]);
    expect(declared.filter((param) => !param.hasDefault && !supplied.includes(param.name)).map((param) => param.name)).toEqual([]);
  });

  it('only uses placeholders that an earlier provision step writes or env/.env.dev lists', () => {
    const provision = lifecycle(read('teamsapp.yml'), 'provision');
    const armDeploy = provision.findIndex((step) => step.uses === 'arm/deploy');
    expect(armDeploy).toBeGreaterThan(-1);
    expect(provision[armDeploy].text).toContain(`parameters: ./${parametersFile}`);
    const available = new Set([...envKeys('env/.env.dev'), ...provision.slice(0, armDeploy).flatMap((step) => step.writes)]);
    const used = placeholders(read(parametersFile));
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((name) => !available.has(name))).toEqual([]);
  });
});

describe('toolkit files', () => {
  it.each([
    ['teamsapp.yml', 'env/.env.dev'],
    ['teamsapp.local.yml', 'env/.env.local'],
  ])('%s only uses values that its environment or an earlier step provides', (ymlFile, envFile) => {
    expect(lifecycle(read(ymlFile), 'provision').length).toBeGreaterThan(0);
    expect(unresolvedPlaceholders(ymlFile, envFile)).toEqual([]);
  });

  it('keeps secrets out of the tracked environment files', () => {
    for (const file of ['env/.env.dev', 'env/.env.local']) {
      expect(envKeys(file).filter((key) => key.startsWith('SECRET_') || /PASSWORD/.test(key))).toEqual([]);
    }
  });

  it('deploys the built app with production dependencies only to the App Service that azure.bicep creates', () => {
    const deploy = lifecycle(read('teamsapp.yml'), 'deploy');
    expect(deploy.map((step) => step.uses)).toEqual([
      'script',
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
      'cli/runNpmCommand',
    ]);
    expect(deploy[1].text).toMatch(/args: ci\s*$/);
    expect(deploy[2].text).toMatch(/args: run build\s*$/);
    // Azurite, Playwright, TypeScript and Jest stay behind: the zip holds what `npm ci --omit=dev` would.
    expect(deploy[3].text).toMatch(/args: prune --omit=dev\s*$/);
    expect(deploy[4].text).toContain('artifactFolder: .');
    expect(deploy[4].text).toContain('ignoreFile: ./.webappignore');
    expect(deploy[4].text).toContain('resourceId: ${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}');
    expect(deploy[5].text).toMatch(/args: ci\s*$/);
    const ignored = read('.webappignore').split('\n').map((line) => line.trim());
    for (const needed of ['dist/', 'node_modules/', 'package.json']) expect(ignored).not.toContain(needed);
    for (const excluded of ['src/', 'tests/', 'tools/', '.ci/', '.data/', '.git/', 'infra/', 'env/', '.env']) expect(ignored).toContain(excluded);
  });

  it('runs on App Service only packages that the production prune keeps', () => {
    // src/local (npm start) and src/bench (npm run bench) run from a full install, never on App
    // Service; browser code under src/web, if any, is bundled into dist by the build.
    const production = sourceFiles('src').filter((file) => !/^src\/(local|bench|web)\//.test(file));
    const imported = new Set(production.flatMap((file) => packagesImportedBy(read(file))));
    const builtIn = (name: string) => name.startsWith('node:');
    const missing = [...imported].filter((name) => !builtIn(name) && !(name in packageJson.dependencies));
    expect(missing).toEqual([]);
    // The check reads what it should: the Teams SDK, storage and the bundled ffmpeg are among them.
    expect([...imported]).toEqual(expect.arrayContaining(['botbuilder', '@azure/data-tables', '@ffmpeg-installer/ffmpeg', '@microsoft/teams-js']));
  });
});

/** The packages a TypeScript file imports, requires or resolves (`node:` built-ins included). */
function packagesImportedBy(source: string): string[] {
  const specifiers = [
    ...[...source.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gm)].map((match) => match[1]),
    ...[...source.matchAll(/\brequire(?:\.resolve)?\('([^']+)'\)/g)].map((match) => match[1]),
  ];
  return specifiers
    .filter((specifier) => !specifier.startsWith('.'))
    .map((specifier) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]));
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => `${folder}/${file}`);
}

describe('the Node version production runs', () => {
  const productionMajor = Number(/linuxFxVersion:\s*'NODE\|(\d+)-lts'/.exec(code)?.[1]);
  // End of life of each Node LTS line (nodejs.org release schedule).
  const endOfLife: Record<number, string> = { 20: '2026-04-30', 22: '2027-04-30', 24: '2028-04-30' };

  it('is an LTS line that still gets security fixes', () => {
    expect(endOfLife[productionMajor]).toBeDefined();
    expect(new Date(`${endOfLife[productionMajor]}T23:59:59Z`).getTime()).toBeGreaterThan(Date.now());
  });

  it('is the same major in azure.bicep, package.json engines and @types/node', () => {
    expect(code).toMatch(new RegExp(`name: 'WEBSITE_NODE_DEFAULT_VERSION'\\s*value: '~${productionMajor}'`));
    const engineMajors = packageJson.engines.node.split('||').map((range) => Number(/^\s*\^(\d+)\.\d+\.\d+\s*$/.exec(range)?.[1]));
    expect(engineMajors).toContain(productionMajor);
    expect(Math.max(...engineMajors)).toBe(productionMajor);
    expect(packageJson.devDependencies['@types/node']).toMatch(new RegExp(`^\\^${productionMajor}\\.`));
  });

  it('is named by both toolkit files, which deploy with that major (production) or say so (local)', () => {
    const check = (yml: string) => lifecycle(read(yml), 'deploy').find((step) => step.uses === 'script')?.text ?? '';
    expect(check('teamsapp.yml')).toMatch(new RegExp(`run: node tools/production-node/checkNodeMajor\\.js ${productionMajor}\\s*$`));
    expect(check('teamsapp.local.yml')).toMatch(new RegExp(`run: node tools/production-node/checkNodeMajor\\.js ${productionMajor} --warn\\s*$`));
  });

  it('is what the tests run on in CI, next to the machine\'s own Node', () => {
    const tool = JSON.parse(read('tools/production-node/package.json')) as { dependencies: Record<string, string>; allowScripts: Record<string, boolean> };
    expect(tool.dependencies.node).toMatch(new RegExp(`^${productionMajor}\\.\\d+\\.\\d+$`));
    // The package's install script links the binary; npm runs only the scripts allowScripts lists.
    expect(tool.allowScripts.node).toBe(true);
    const lock = JSON.parse(read('tools/production-node/package-lock.json')) as { packages: Record<string, { version?: string }> };
    expect(lock.packages['node_modules/node'].version).toBe(tool.dependencies.node);
    const ci = read('.ci/run').split('\n').filter((line) => !line.trim().startsWith('#'));
    expect(ci).toContain('npm ci --prefix tools/production-node');
    expect(ci.filter((line) => /\bnpm test$/.test(line))).toEqual(['npm test', 'PATH="$production_node_bin:$PATH" npm test']);
    expect(ci.filter((line) => /^echo .*node --version/.test(line))).toHaveLength(2);
  });

  it('is the one README names, next to the Node the tests also pass on', () => {
    const requirements = read('README.md').split('\n').find((line) => line.startsWith('Needs Node.js')) ?? '';
    expect(requirements).toContain(`Node.js ${productionMajor}`);
    expect(requirements).toContain(endOfLife[productionMajor].slice(0, 4));
  });
});

describe('Teams SSO for the recording pages', () => {
  const teamsManifest = JSON.parse(read('appPackage/manifest.json')) as { webApplicationInfo?: { id: string; resource: string }; validDomains: string[] };
  const entraManifest = JSON.parse(read('infra/aad.manifest.json')) as {
    identifierUris: string[];
    accessTokenAcceptedVersion: number;
    oauth2Permissions: { value: string; id: string }[];
    preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
  };

  it('names the same app id URI in the Teams manifest, the Entra app and the bot settings', () => {
    expect(teamsManifest.webApplicationInfo).toEqual({ id: '${{AAD_APP_CLIENT_ID}}', resource: 'api://${{BOT_DOMAIN}}/${{AAD_APP_CLIENT_ID}}' });
    expect(entraManifest.identifierUris).toEqual(['api://${{BOT_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    expect(code).toContain("value: 'api://${resourceBaseName}.azurewebsites.net/${ssoClientId}'");
    expect(parameters.parameters.ssoClientId.value).toBe('${{AAD_APP_CLIENT_ID}}');
  });

  it('issues v2 tokens with an access_as_user scope that the Teams clients may use without a consent prompt', () => {
    expect(entraManifest.accessTokenAcceptedVersion).toBe(2);
    const scope = entraManifest.oauth2Permissions.find((permission) => permission.value === 'access_as_user');
    expect(scope).toBeDefined();
    const teamsClients = ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'];
    expect(entraManifest.preAuthorizedApplications.map((app) => app.appId).sort()).toEqual(teamsClients.sort());
    for (const app of entraManifest.preAuthorizedApplications) expect(app.permissionIds).toEqual([scope!.id]);
  });

  it('updates the Entra app only after the bot domain is known', () => {
    const provision = lifecycle(read('teamsapp.yml'), 'provision').map((step) => step.uses);
    expect(provision.indexOf('aadApp/create')).toBeLessThan(provision.indexOf('arm/deploy'));
    expect(provision.indexOf('aadApp/update')).toBeGreaterThan(provision.indexOf('arm/deploy'));
  });
});
