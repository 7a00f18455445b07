// The Firefox step of `npm test`: builds the Firefox flavour (`wxt build -b firefox`, into
// $BL_OUT_DIR or .output) and runs Mozilla's linter over it. Fails on any error, and on any warning but
// the accepted ones (`ACCEPTED` below); lists them all.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, process.env.BL_OUT_DIR ?? '.output');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

function run(cmd: string[], capture = false) {
  const [bin = 'npx', ...args] = cmd;
  return spawnSync(bin, args, {
    cwd: ROOT,
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

if (
  !existsSync(join(ROOT, 'glossary/generated/glossary.json')) &&
  run(['npm', 'run', '-s', 'glossary:check']).status
)
  process.exit(1);
if (run(['npx', 'wxt', 'build', '-b', 'firefox']).status) process.exit(1);

const dir = ['firefox-mv2', 'firefox-mv3']
  .map((d) => join(OUT, d))
  .find((d) => existsSync(join(d, 'manifest.json')));
if (!dir) {
  console.error(`No Firefox build found under ${OUT}.`);
  process.exit(1);
}
// No --self-hosted: the stricter addons.mozilla.org rules apply too.
const lint = run(
  ['npx', 'web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
  true,
);
let report: LintReport;
try {
  report = JSON.parse(lint.stdout) as LintReport;
} catch {
  console.error(`web-ext lint printed no report (exit ${lint.status}):\n${lint.stdout}`);
  process.exit(1);
}
const show = (kind: string, list: LintMessage[]) => {
  for (const m of list)
    console.log(
      `  ${kind} ${m.code}: ${m.message}${m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : ''}`,
    );
};
console.log(
  `web-ext lint ${dir}: ${report.summary.errors} error(s), ${report.summary.warnings} warning(s), ${report.summary.notices} notice(s)`,
);
show('error', report.errors);
show('warning', report.warnings);
show('notice', report.notices);

/**
 * The warnings we accept, each for a reason: Preact's renderer assigns `innerHTML` where a component uses
 * `dangerouslySetInnerHTML` (ours never do), in the bundles that include it. Any other warning fails the
 * step, so that a manifest key the minimum Firefox lacks, say, is fixed when it appears.
 */
const ACCEPTED = [
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^(content-scripts\/content\.js|chunks\/[\w-]+\.js)$/ },
];
const unexpected = report.warnings.filter(
  (w) => !ACCEPTED.some((a) => a.code === w.code && a.file.test(w.file ?? '')),
);
if (unexpected.length > 0)
  console.error(`\n${unexpected.length} warning(s) not in the accepted list (scripts/firefox-lint.ts).`);
process.exit(report.summary.errors > 0 || unexpected.length > 0 ? 1 : 0);
