#!/usr/bin/env bash
# Podlab next to Red Hat's yaml-language-server (strict Kubernetes schema) on the same generated manifests, through
# the shared peer-bench harness (../shared/peer-bench, not part of this repository and never copied into it).
#
#   bash bench/peer-compare.sh [REPS]        (default 3 repetitions)
#
# PEER_BENCH=DIR   where the harness lives (default ../shared/peer-bench next to this checkout)
# SKIP_BUILD=1     use the existing dist/server.js
# SKIP_YLS=1       measure only Podlab
# Everything runs in a temporary copy of the harness; the results (.jsonl and the tables) land in .bench/peer-compare/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PEER_BENCH="${PEER_BENCH:-$ROOT/../shared/peer-bench}"
REPS="${1:-3}"
OUT="$ROOT/.bench/peer-compare"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/podlab-peer-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

[ -f "$PEER_BENCH/lsp-bench.mjs" ] || { echo "peer-bench harness not found at $PEER_BENCH (set PEER_BENCH)" >&2; exit 2; }
cp -r "$PEER_BENCH/." "$WORK/"
chmod -R u+w "$WORK"
(cd "$WORK" && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1)
[ "${SKIP_BUILD:-}" = 1 ] || (cd "$ROOT" && npm run build >"$WORK/build.log" 2>&1) || { cat "$WORK/build.log" >&2; exit 1; }

cd "$WORK"
node gen-k8s-schema.mjs --out .out/k8s-schema >/dev/null
node gen-manifests.mjs --out .out/k8s-bench --seed 42 --sizes 100,1000,10000,50000 >/dev/null
node gen-manifests.mjs --out .out/k8s-bench --seed 42 --sizes 1000 --clean >/dev/null
# One folder per file: Podlab indexes the workspace folder, and the generated files reuse the same object names, so
# side by side they would warn about one another (duplicate-name). Each file keeps its .expected.json next to it.
# Not under .out/: yaml-language-server's "*.yaml" schema glob does not match a path through a dot-folder, and it
# would then validate nothing (the harness reports schemaActive: false).
FILES=()
for name in k8s-100 k8s-1000 k8s-1000-clean k8s-10000 k8s-50000; do
  mkdir -p "files/$name"
  cp ".out/k8s-bench/$name.yaml" ".out/k8s-bench/$name.expected.json" "files/$name/"
  FILES+=("files/$name/$name.yaml")
done

RESULTS=()
bench() { # label, then lsp-bench options; the server command follows "--"
  local label="$1"; shift
  rm -f "$OUT/$label.jsonl"
  node lsp-bench.mjs --label "$label" --reps "$REPS" --out "$OUT/$label.jsonl" "$@" >/dev/null
  if grep -q '"schemaActive":false' "$OUT/$label.jsonl"; then echo "$label: no diagnostic on the warm-up Pod (schema not active)" >&2; exit 1; fi
  RESULTS+=("$OUT/$label.jsonl")
}
PODLAB=(node "$ROOT/dist/server.js" --stdio)
# Podlab's schema codes only: every other rule (best practices, cross-resource checks) turned off.
SCHEMA_ONLY="$(cd "$ROOT" && node --import=tsx -e '
  import("./server/src/rules/index.ts").then((module) => {
    const rules = module.RULES ?? module.default.RULES;
    console.log(JSON.stringify({ podlab: { rules: Object.fromEntries(rules.map((rule) => [rule.meta.id, "off"])) } }));
  })')"

if [ "${SKIP_YLS:-}" != 1 ]; then
  bench yls-kubernetes --preset yaml-language-server:kubernetes "${FILES[@]}" -- node node_modules/yaml-language-server/bin/yaml-language-server --stdio
fi
bench podlab "${FILES[@]}" -- "${PODLAB[@]}"
bench podlab-schema-only --settings "$SCHEMA_ONLY" "${FILES[@]}" -- "${PODLAB[@]}"

{
  echo "## lsp-bench (every diagnostic counts; \"other diags\" are those outside the planted objects)"
  echo
  node report.mjs "${RESULTS[@]}"
  echo
  echo "## Podlab's diagnostics by severity (defaults)"
  echo
  (cd "$ROOT" && node --import=tsx bench/peer-score.ts "${FILES[@]/#/$WORK/}" -- "${PODLAB[@]}" 2>/dev/null)
} | tee "$OUT/table.md"
