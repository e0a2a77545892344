// Bundles the Markdown editor (Milkdown and its dependencies, pinned in package-lock.json) into
// <out>/milkdown.min.js (a classic script setting window.TuyenvanMilkdown), <out>/milkdown.min.css
// and <out>/LICENSE.txt (the licence of every package inside the bundle).
//
//   node build.mjs <out>      run by scripts/fetch-assets.sh

import { build } from 'esbuild';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const kHere = path.dirname(fileURLToPath(import.meta.url));
// Browsers of 2022 on: the editing staff's desktops and phones, not every reader's.
const kTarget = ['chrome100', 'edge100', 'firefox100', 'safari15.4'];
// ProseMirror's own rules (contenteditable white-space, gap cursor, table selection); the look of
// the editor is ours, in static/css/editor.css.
const kCss = [
  'prosemirror-view/style/prosemirror.css',
  'prosemirror-gapcursor/style/gapcursor.css',
  'prosemirror-tables/style/tables.css',
];

async function Main() {
  const out = path.resolve(process.argv[2] ?? path.join(kHere, '../static/vendor/milkdown'));
  const staging = `${out}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });

  try {
    const milkdown = JSON.parse(await readFile(path.join(kHere, 'node_modules/@milkdown/core/package.json'), 'utf8'));
    const banner = `/*! Milkdown ${milkdown.version} and the packages it uses, bundled for tuyenvan; licences in LICENSE.txt beside this file */`;
    const js = await build({
      absWorkingDir: kHere,
      entryPoints: [path.join(kHere, 'vendor-entry.mjs')],
      outfile: path.join(staging, 'milkdown.min.js'),
      bundle: true,
      minify: true,
      format: 'iife',
      globalName: 'TuyenvanMilkdown',
      target: kTarget,
      charset: 'utf8',
      legalComments: 'none',
      banner: { js: banner },
      metafile: true,
      logLevel: 'warning',
    });
    const css = await build({
      absWorkingDir: kHere,
      stdin: {
        contents: kCss.map((f) => `@import ${JSON.stringify(f)};`).join('\n'),
        resolveDir: path.join(kHere, 'node_modules'),
        sourcefile: 'milkdown.css',
        loader: 'css',
      },
      outfile: path.join(staging, 'milkdown.min.css'),
      bundle: true,
      minify: true,
      target: kTarget,
      charset: 'utf8',
      legalComments: 'none',
      banner: { css: banner },
      metafile: true,
      logLevel: 'warning',
    });

    const inputs = [...Object.keys(js.metafile.inputs), ...Object.keys(css.metafile.inputs)];
    await writeFile(path.join(staging, 'LICENSE.txt'), await Licences(inputs));
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }

  // Swap the whole folder so the server never loads a half-written bundle.
  await rm(out, { recursive: true, force: true });
  await rename(staging, out);
}

/// The package folder ("node_modules/@scope/name") of each bundled file, once each.
function PackagesOf(inputs) {
  const dirs = new Set();
  for (const input of inputs) {
    const parts = input.split('/');
    const at = parts.lastIndexOf('node_modules');
    if (at < 0) continue;
    const name_len = parts[at + 1].startsWith('@') ? 2 : 1;
    if (parts.length <= at + 1 + name_len) continue;  // the stdin CSS entry, not a package
    dirs.add(parts.slice(0, at + 1 + name_len).join('/'));
  }
  return [...dirs].sort();
}

/// One text with the name, version, licence and licence file of every bundled package.
async function Licences(inputs) {
  const sections = [
    'Third-party software in milkdown.min.js and milkdown.min.css, bundled by web/build.mjs.\n' +
    'Each package keeps its own licence, reproduced below.\n',
  ];
  for (const dir of PackagesOf(inputs)) {
    const abs = path.join(kHere, dir);
    const meta = JSON.parse(await readFile(path.join(abs, 'package.json'), 'utf8'));
    const files = (await readdir(abs)).filter((f) => /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i.test(f));
    let text;
    if (files.length > 0) {
      text = (await Promise.all(files.map((f) => readFile(path.join(abs, f), 'utf8')))).join('\n');
    } else {
      const author = typeof meta.author === 'string' ? meta.author : meta.author?.name;
      text = `(the package ships no licence file; package.json declares ${meta.license}` +
        `${author ? `, author ${author}` : ''})`;
    }
    sections.push(`${'='.repeat(78)}\n${meta.name} ${meta.version} — ${meta.license}\n` +
      `${'='.repeat(78)}\n${text.trim()}\n`);
  }
  return sections.join('\n');
}

Main().catch((e) => {
  console.error(`web/build.mjs: ${e.stack ?? e}`);
  process.exitCode = 1;
});
