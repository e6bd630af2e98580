// Whether the repository is ready to release, without running anything: every published
// package.json has the release fields (scripts/release-fields.mjs) and a README whose Install
// section gives the npm command and points to the root README for the time before a release;
// the changesets configuration versions all published packages together and no private one;
// and .github/workflows/release.yml is well formed: YAML, run by changesets/action, off unless
// the repository variable RELEASE_ENABLED is 'true', allowed to mint an OIDC token (npm
// provenance), on Node 20 with the pinned pnpm, publishing through a script that exists.
// Exit status 1 when anything is wrong.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { PNPM_VERSION } from './pnpm.mjs';
import { releaseFieldProblems } from './release-fields.mjs';
import { publishedPackages, ROOT, workspacePackages } from './workspace.mjs';

const problems = [];
const read = (path) => readFileSync(join(ROOT, path), 'utf8');
/** The text of the Markdown section under `heading` (up to the next heading of its level). */
const section = (markdown, heading) => {
  const level = heading.match(/^#+/)[0];
  const start = markdown.split('\n').indexOf(heading);
  if (start === -1) return undefined;
  const rest = markdown.split('\n').slice(start + 1);
  const end = rest.findIndex((line) => new RegExp(`^#{1,${level.length}} `).test(line));
  return rest.slice(0, end === -1 ? undefined : end).join('\n');
};

// Package manifests and READMEs.
const published = publishedPackages();
for (const { path, manifest } of published) {
  problems.push(...releaseFieldProblems(manifest, path, ROOT));
  const install = section(readFileSync(join(path, 'README.md'), 'utf8'), '## Install');
  const command = `npm install ${manifest.bin ? '--global ' : ''}${manifest.name}`;
  if (install === undefined) problems.push(`${manifest.name}: its README has no "## Install"`);
  else {
    if (!install.includes(`\n${command}\n`))
      problems.push(`${manifest.name}: README Install has no line "${command}"`);
    if (!install.includes('](../../README.md#install)'))
      problems.push(`${manifest.name}: README Install does not link to ../../README.md#install`);
  }
}
const rootInstall = section(read('README.md'), '## Install') ?? '';
for (const text of ['node scripts/pack-all.mjs', '### CommonJS and TypeScript'])
  if (!rootInstall.includes(text)) problems.push(`README.md: "## Install" lacks "${text}"`);

// Changesets: one fixed group of every published package, private ones never versioned.
const config = JSON.parse(read('.changeset/config.json'));
const matches = (pattern, name) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`).test(name);
const groupOf = (name) => config.fixed.findIndex((group) => group.some((p) => matches(p, name)));
const groups = new Set(published.map(({ manifest }) => groupOf(manifest.name)));
if (groups.size !== 1 || groups.has(-1))
  problems.push('.changeset/config.json: "fixed" is not one group of every published package');
for (const { manifest } of workspacePackages())
  if (manifest.private && groupOf(manifest.name) !== -1)
    problems.push(`.changeset/config.json: private ${manifest.name} is in "fixed"`);
if (config.privatePackages?.version !== false || config.privatePackages?.tag !== false)
  problems.push('.changeset/config.json: "privatePackages" must be { version: false, tag: false }');
if (config.access !== 'public') problems.push('.changeset/config.json: "access" is not "public"');

// The release workflow.
const FILE = '.github/workflows/release.yml';
let workflow;
try {
  workflow = yaml.load(read(FILE));
} catch (error) {
  problems.push(`${FILE}: ${error.message}`);
}
if (workflow !== undefined) {
  const wf = (text) => problems.push(`${FILE}: ${text}`);
  const jobs = Object.entries(workflow.jobs ?? {});
  const steps = jobs.flatMap(([, job]) => job.steps ?? []);
  if (!workflow.on?.push?.branches?.includes(config.baseBranch))
    wf(`does not run on a push to ${config.baseBranch}`);
  if (jobs.length === 0) wf('has no job');
  for (const [name, job] of jobs)
    if (!/\bvars\.RELEASE_ENABLED\s*==\s*'true'/.test(String(job.if ?? '')))
      wf(`job ${name} runs without vars.RELEASE_ENABLED == 'true'`);
  const changesets = jobs.filter(([, job]) =>
    (job.steps ?? []).some((s) => /^changesets\/action@v\d/.test(s.uses ?? '')),
  );
  if (changesets.length === 0) wf('no step uses changesets/action@v<major>');
  for (const [name, job] of changesets) {
    const permissions = { ...workflow.permissions, ...job.permissions };
    for (const [scope, level] of [
      ['id-token', 'write'],
      ['contents', 'write'],
      ['pull-requests', 'write'],
    ])
      if (permissions[scope] !== level) wf(`job ${name} lacks permissions ${scope}: ${level}`);
    const step = job.steps.find((s) => /^changesets\/action@/.test(s.uses ?? ''));
    const script = /^pnpm (?:run )?([\w:-]+)$/.exec(step.with?.publish ?? '')?.[1];
    const scripts = JSON.parse(read('package.json')).scripts ?? {};
    if (!scripts[script]?.includes('changeset publish'))
      wf(`publish "${step.with?.publish}" is not a root script running changeset publish`);
    for (const secret of ['GITHUB_TOKEN', 'NPM_TOKEN'])
      if (!String(step.env?.[secret]).includes(`secrets.${secret}`))
        wf(`changesets/action gets no ${secret} secret`);
  }
  for (const step of steps)
    if (step.uses !== undefined && !/@v?\d/.test(step.uses)) wf(`${step.uses} is not pinned`);
  const node = steps.find((s) => /^actions\/setup-node@/.test(s.uses ?? ''));
  if (String(node?.with?.['node-version']) !== '20') wf('does not set up Node 20');
  const pnpmSteps = steps.filter(
    (s) => /\bpnpm@\d/.test(s.run ?? '') || /^pnpm\/action-setup@/.test(s.uses ?? ''),
  );
  if (
    pnpmSteps.length === 0 ||
    pnpmSteps.some(
      (s) =>
        !(s.run ?? '').includes(`pnpm@${PNPM_VERSION}`) && String(s.with?.version) !== PNPM_VERSION,
    )
  )
    wf(`does not install exactly pnpm ${PNPM_VERSION}`);
}

for (const p of problems) console.log(`FAIL ${p}`);
console.log(
  problems.length === 0
    ? `ok   ${published.length} packages, changesets config and ${FILE} ready to release`
    : `${problems.length} problems`,
);
process.exitCode = problems.length === 0 ? 0 : 1;
