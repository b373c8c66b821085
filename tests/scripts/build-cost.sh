#!/usr/bin/env bash
# What Osiris.Analyzers adds to `dotnet build` in a repository of many pipelines (issue 9, item 6).
#
#   tests/scripts/build-cost.sh [PAIRS] [PACKAGE_FOLDER] [PIPELINES]
#
# PAIRS (default 7): timed rounds; PACKAGE_FOLDER: a folder holding the packed Osiris.Analyzers nupkg
# (default: `dotnet pack nuget -c Release` into a temporary folder; the newest Osiris.Analyzers.*.nupkg
# of the folder is used); PIPELINES (default 500): how many pipelines the repository has.
#
# tests/scripts/generate-pipeline-repository.py writes PIPELINES realistic OML 0.2.0 pipelines (the same
# ones on every run: fixed seed), and three sibling projects get a copy of them and one small C# file:
#   (a) without the package: the .oml files are just None items;
#   (b) with the package and <OsirisGeneratePipelines>false</OsirisGeneratePipelines>: the analyzer only;
#   (c) with the package: the analyzer and the generator.
# They are restored once (private packages folder, the package folder and nuget.org), built once as a
# warm-up round that is not counted (and that checks the pipelines: no OSI error), then each round
# builds (a), (b) and (c) in turn with `dotnet build --no-incremental --no-restore -c Release`, timed
# by the wall clock. The script prints every round, the medians, c−a (what the package costs), c−b
# (the generator's own share) and c/a, with the load average at start and end: other builds on the
# machine show up in every figure, so compare the medians of a quiet run.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
pairs=${1:-7}
feed=${2:-}
count=${3:-500}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
build_command="dotnet build --no-incremental --no-restore -c Release"
load_start=$(cat /proc/loadavg)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -z "$feed" ]; then
  echo "packing Osiris.Analyzers (dotnet pack nuget -c Release)..."
  dotnet pack nuget -c Release -o "$work/feed" >"$work/pack.log" 2>&1 || { tail -n 30 "$work/pack.log" >&2; exit 1; }
  feed="$work/feed"
fi
feed=$(cd "$feed" && pwd)
nupkg=$(ls -t "$feed"/Osiris.Analyzers.*.nupkg 2>/dev/null | grep -v '\.snupkg$' | head -n 1 || true)
[ -n "$nupkg" ] || { echo "no Osiris.Analyzers.*.nupkg in $feed" >&2; exit 2; }
version=$(basename "$nupkg" .nupkg)
version=${version#Osiris.Analyzers.}
sdk=$(dotnet --version)
tfm="net${sdk%%.*}.0"

echo "generating $count pipelines..."
python3 "$repo/tests/scripts/generate-pipeline-repository.py" "$work/pipelines" "$count"

# Nothing of the surrounding folders may apply (the temporary folder has no parent settings, but be sure).
echo '<Project />' >"$work/Directory.Build.props"
echo '<Project />' >"$work/Directory.Build.targets"
echo '<Project />' >"$work/Directory.Packages.props"
cat >"$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="$work/packages" />
  </config>
  <packageSources>
    <clear />
    <add key="osiris-local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="osiris-local">
      <package pattern="Osiris.*" />
    </packageSource>
    <packageSource key="nuget.org">
      <package pattern="*" />
    </packageSource>
  </packageSourceMapping>
</configuration>
EOF

projects=(WithoutPackage AnalyzerOnly AnalyzerAndGenerator)
for project in "${projects[@]}"; do
  dir="$work/$project"
  mkdir -p "$dir"
  cp -r "$work/pipelines/." "$dir/"
  package="<PackageReference Include=\"Osiris.Analyzers\" Version=\"$version\" PrivateAssets=\"all\" />"
  case $project in
    WithoutPackage) reference="" property="" ;;
    AnalyzerOnly) reference=$package property="<OsirisGeneratePipelines>false</OsirisGeneratePipelines>" ;;
    AnalyzerAndGenerator) reference=$package property="" ;;
  esac
  cat >"$dir/$project.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>$tfm</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <RootNamespace>BuildCost</RootNamespace>
    $property
  </PropertyGroup>
  <ItemGroup>
    $reference
  </ItemGroup>
</Project>
EOF
  # A little C# of the project's own, the same in all three, so the compile is a real one.
  cat >"$dir/Program.cs" <<'EOF'
namespace BuildCost;

/// <summary>Run dates of a daily job, written by hand (nothing here uses Osiris).</summary>
public static class RunCalendar
{
    public static IEnumerable<DateOnly> Daily(DateOnly from, int days, bool weekdaysOnly = false)
    {
        for (var day = from; day < from.AddDays(days); day = day.AddDays(1))
        {
            if (!weekdaysOnly || day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                yield return day;
        }
    }

    public static string Describe(IEnumerable<DateOnly> days) =>
        string.Join(", ", days.Select(d => d.ToString("yyyy-MM-dd")));
}
EOF
done

echo "restoring (Osiris.Analyzers $version from $feed)..."
for project in "${projects[@]}"; do
  (cd "$work/$project" && dotnet restore >"$work/restore-$project.log" 2>&1) \
    || { tail -n 30 "$work/restore-$project.log" >&2; exit 1; }
done

build() { # build PROJECT LOG: prints the wall-clock seconds of one build
  local start end
  start=$(date +%s.%N)
  if ! (cd "$work/$1" && $build_command >"$2" 2>&1); then
    echo "the build of $1 failed:" >&2
    grep -E ' error |error [A-Z]+[0-9]+' "$2" | sort -u | head -n 30 >&2 || tail -n 30 "$2" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'
}

echo "warm-up round (not counted)..."
for project in "${projects[@]}"; do build "$project" "$work/warmup-$project.log" >/dev/null; done
for project in AnalyzerOnly AnalyzerAndGenerator; do
  errors=$(grep -E 'error OSI[0-9]+' "$work/warmup-$project.log" | sort -u || true)
  if [ -n "$errors" ]; then
    echo "the generated pipelines have errors ($project):" >&2
    echo "$errors" | head -n 30 >&2
    exit 1
  fi
done
warnings=$(grep -E 'warning (OSI|AD|CS)[0-9]+' "$work/warmup-AnalyzerAndGenerator.log" | sort -u || true)
if [ -n "$warnings" ]; then
  echo "warnings in (c) (the figures stand, but the pipelines should be clean):"
  echo "$warnings" | sed -e "s|$work/||" | head -n 20
fi
warnings=$(echo "$warnings" | grep -oE 'warning [A-Z]+[0-9]+' | sort | uniq -c | awk '{ printf "%s%s x%s", sep, $3, $1; sep = ", " }' || true)
# The generator's Pipelines class is in (c)'s assembly and not in (b)'s.
generated=no
dll="$work/AnalyzerAndGenerator/bin/Release/$tfm/AnalyzerAndGenerator.dll"
if [ -f "$dll" ] && grep -qa 'Pipelines' "$dll"; then generated=yes; fi

times="$work/times.tsv"
for round in $(seq "$pairs"); do
  line="$round"
  for project in "${projects[@]}"; do
    line="$line	$(build "$project" "$work/build-$project.log")"
  done
  echo "$line" >>"$times"
  echo "  round $round: $(echo "$line" | cut -f2- | tr '\t' ' ') s"
done
load_end=$(cat /proc/loadavg)

echo
echo "command:   tests/scripts/build-cost.sh $pairs ${2:-} $count   (from the repository root)"
echo "builds:    $build_command   (per project, in turn (a) (b) (c) each round, after one uncounted round)"
echo "package:   Osiris.Analyzers $version ($nupkg)"
echo "sdk:       $sdk, $tfm; nproc $(nproc); load average at start: $load_start; at end: $load_end"
echo "pipelines: $count (tests/scripts/generate-pipeline-repository.py); diagnostics in (c): ${warnings:-none}"
echo "generator: Pipelines class in (c)'s assembly: $generated"
echo
python3 - "$times" <<'EOF'
import statistics, sys
rows = [list(map(float, line.split("\t")[1:])) for line in open(sys.argv[1]) if line.strip()]
a, b, c = (statistics.median(col) for col in zip(*rows))
print(f"{'round':>5}  {'(a) without':>12}  {'(b) analyzer':>12}  {'(c) + generator':>15}  {'c-a':>7}  {'c-b':>7}")
for i, (x, y, z) in enumerate(rows, 1):
    print(f"{i:>5}  {x:>10.2f} s  {y:>10.2f} s  {z:>13.2f} s  {z - x:>+7.2f}  {z - y:>+7.2f}")
paired_ca = statistics.median(z - x for x, _, z in rows)
paired_cb = statistics.median(z - y for _, y, z in rows)
print(f"{'median':>6} {a:>10.2f} s  {b:>10.2f} s  {c:>13.2f} s  {c - a:>+7.2f}  {c - b:>+7.2f}")
print()
print(f"generator share c - b = {c - b:+.2f} s (median of the per-round differences {paired_cb:+.2f} s); "
      f"budget +0.50 s (issue 9: with the generator on, at most 0.5 s more than without it): {'within' if c - b <= 0.5 else 'OVER'}")
print(f"package cost    c - a = {c - a:+.2f} s (median of the per-round differences {paired_ca:+.2f} s): "
      f"the analyzer and the generator together")
print(f"ratio           c / a = {c / a:.2f}")
if len(rows) < 5:
    print(f"(only {len(rows)} rounds: the issue asks for medians of at least 5)")
EOF
