#!/usr/bin/env bash
# Cold start of `osiris schedule validate one.oml`, side by side for the ways the tool can be built:
#   framework-dependent (JIT)  ·  ReadyToRun (framework-dependent, linux-x64)  ·  Native AOT (linux-x64)
# and, when a package folder is given, the tool as `dotnet tool install` puts it on the PATH.
#
#   tests/scripts/cli-cold-start.sh [RUNS] [PACKAGE_FOLDER]
#
# Each variant is published into a temporary folder, run once to warm the disk cache, then RUNS times
# (default 21) as a new process; the script prints the median, the fastest and the slowest wall-clock
# time of each. one.oml is the milestone's seed pipeline, alone in a temporary folder (no repository
# around it), so each run parses, binds and checks exactly one file.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-21}
feed=${2:-}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/repo"
cp samples/PipelineRepository/pipelines/daily_customer_sync.oml "$work/repo/one.oml"

echo "publishing the variants (this takes a minute or two)..."
dotnet publish src/Osiris.Cli -c Release -o "$work/jit" -p:OsirisAot=false >/dev/null
dotnet publish src/Osiris.Cli -c Release -r linux-x64 --self-contained false -p:OsirisAot=false -p:OsirisR2R=true -o "$work/r2r" >/dev/null
dotnet publish src/Osiris.Cli -c Release -r linux-x64 -p:OsirisAot=true -o "$work/aot" >/dev/null

variants=("framework-dependent (JIT):$work/jit/osiris" "ReadyToRun:$work/r2r/osiris" "Native AOT:$work/aot/osiris")
if [ -n "$feed" ]; then
  dotnet tool install --tool-path "$work/tool" --add-source "$feed" Osiris.Cli --prerelease >/dev/null 2>&1 \
    || dotnet tool install --tool-path "$work/tool" --add-source "$feed" Osiris.Cli >/dev/null
  variants+=("installed tool (dotnet tool install):$work/tool/osiris")
fi

measure() { # prints the milliseconds of one run
  local exe=$1 start end
  start=$(date +%s%N)
  # Exit code 1 is expected: alone, the seed pipeline names upstream pipelines that are not there (OSI0406).
  (cd "$work/repo" && "$exe" schedule validate one.oml --from 2024-01-15 >/dev/null) || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000 ))
}

printf '%-40s %10s %10s %10s\n' "variant ($runs runs each)" "median ms" "min ms" "max ms"
for entry in "${variants[@]}"; do
  name=${entry%%:*}
  exe=${entry#*:}
  measure "$exe" >/dev/null # warm the disk cache
  samples=()
  for _ in $(seq "$runs"); do samples+=("$(measure "$exe")"); done
  sorted=$(printf '%s\n' "${samples[@]}" | sort -n)
  median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
  min=$(echo "$sorted" | head -n 1)
  max=$(echo "$sorted" | tail -n 1)
  awk -v n="$name" -v a="$median" -v b="$min" -v c="$max" 'BEGIN { printf "%-40s %10.1f %10.1f %10.1f\n", n, a/1000, b/1000, c/1000 }'
done
