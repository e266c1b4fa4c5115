#!/usr/bin/env bash
# Installs what the tests need, runs every test project, and prints one summary line:
#   N passed, N failed, N skipped
# Peers that nobody here wrote (npm packages) go into .peers/ (git-ignored).
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

log() { printf '[test.sh] %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages the tests use. Installed only when missing.
need_debs=()
command -v node >/dev/null 2>&1 || need_debs+=(nodejs npm)
command -v socat >/dev/null 2>&1 || need_debs+=(socat)          # pty pairs stand in for serial loudspeakers
command -v espeak-ng >/dev/null 2>&1 || need_debs+=(espeak-ng)  # the default speech engine
command -v xmlsec1 >/dev/null 2>&1 || need_debs+=(xmlsec1)      # an independent XML-signature peer for signed CAP
command -v openssl >/dev/null 2>&1 || need_debs+=(openssl)      # an independent AES for WeChat's encrypted callbacks
[ -x /usr/bin/chromium ] || need_debs+=(chromium)                 # the cadre's page in a browser (Playwright drives it)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need_debs+=(fonts-wqy-microhei)  # Chinese glyphs in the page's screenshots
[ -x /usr/sbin/bearerbox ] && [ -x /usr/sbin/smsbox ] || need_debs+=(kannel)  # a real HTTP SMS gateway (smsbox sendsms, dlr-url) for the HTTP SMS adapter
if [ ${#need_debs[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_debs[*]}"
  as_root apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need_debs[@]}" >/dev/null 2>&1 \
    || { log "apt-get install failed"; exit 1; }
fi

# npm peers: independent implementations our adapters are tested against.
peers="$root/.peers"
mkdir -p "$peers"
if [ ! -f "$peers/node_modules/smpp/package.json" ]; then
  log "installing npm peers into .peers/"
  (cd "$peers" && { [ -f package.json ] || echo '{"private":true}' > package.json; } \
    && npm install --no-audit --no-fund --silent smpp@0.5.1 >/dev/null 2>&1) \
    || { log "npm install failed"; exit 1; }
fi
export WARNINGHUB_NODE_MODULES="$peers/node_modules"

results="$root/.test-run"
rm -rf "$results"; mkdir -p "$results"

log "building"
if ! dotnet build WarningHub.sln -c Debug -nologo -v q > "$results/build.log" 2>&1; then
  cat "$results/build.log" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

log "running tests"
dotnet test WarningHub.sln --no-build -c Debug -nologo \
  --logger "trx" --results-directory "$results" 2>&1 | tee "$results/test.log" | grep -E '^(Passed|Failed|Skipped)!|^\s+Failed |error' >&2
status=${PIPESTATUS[0]}

# Count from the TRX files: one per test project.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  p=$(get passed); f=$(get failed); e=$(get error); t=$(get total); x=$(get executed)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
  skipped=$((skipped + ${t:-0} - ${x:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
