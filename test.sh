#!/usr/bin/env bash
# Installs what is missing, then runs every test layer of Học số:
#   native  — cargo fmt --check, clippy (native and wasm), cargo test
#   browser — wasm-bindgen-test in headless Chromium
#   e2e     — Playwright + axe-core against the release build served with the strict CSP
# Prints one summary line per layer and a total; exits non-zero if a layer fails or runs no test.
set -uo pipefail
cd "$(dirname "$0")"
scripts/setup || { echo "setup failed"; exit 1; }
export PATH="$PWD/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=never
logs=$(mktemp -d)
summary=()
failed_layers=0
total_passed=0
total_failed=0

# Sums "test result: ... N passed; M failed" lines of cargo test output.
cargo_counts() {
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed;?$/) p += $(i-1); if ($(i) ~ /^failed;?$/) f += $(i-1) } }
       END { printf "%d %d\n", p, f }' "$1"
}

# record LAYER STATUS PASSED FAILED: a layer that passed must have run at least one test.
record() {
  local layer=$1 status=$2 passed=$3 failed=$4
  if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then status=1; fi
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  [ "$status" -eq 0 ] || failed_layers=$((failed_layers + 1))
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  summary+=("$layer: $passed passed, $failed failed")
}

echo "== native =="
native_status=0
cargo fmt --all -- --check || native_status=1
cargo clippy --locked --all-targets -- -D warnings || native_status=1
cargo clippy --locked --target wasm32-unknown-unknown --no-default-features --features web --lib --bins --tests -- -D warnings || native_status=1
cargo test --locked 2>&1 | tee "$logs/native.txt"
[ "${PIPESTATUS[0]}" -eq 0 ] || native_status=1
read -r p f < <(cargo_counts "$logs/native.txt")
record native "$native_status" "$p" "$f"

echo "== browser =="
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --locked --target wasm32-unknown-unknown --no-default-features --features web --test web 2>&1 | tee "$logs/browser.txt"
browser_status=${PIPESTATUS[0]}
read -r p f < <(cargo_counts "$logs/browser.txt")
record browser "$browser_status" "$p" "$f"

echo "== e2e =="
e2e_status=0
trunk build --release 2>&1 | tail -n 5 || e2e_status=1
if [ "$e2e_status" -eq 0 ]; then
  node --test --test-concurrency=1 tests/e2e/*.test.mjs 2>&1 | tee "$logs/e2e.txt"
  e2e_status=${PIPESTATUS[0]}
fi
p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$logs/e2e.txt" 2>/dev/null | tail -n 1)
f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$logs/e2e.txt" 2>/dev/null | tail -n 1)
record e2e "$e2e_status" "${p:-0}" "${f:-0}"

echo
echo "== summary =="
printf '%s\n' "${summary[@]}"
echo "total: $total_passed passed, $total_failed failed"
rm -rf "$logs"
[ "$failed_layers" -eq 0 ]
