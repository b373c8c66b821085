using System.Diagnostics;
using System.Text;
using NodaTime;
using Osiris.Oml.Scheduling;

namespace Osiris.Oml.Tests.Scheduling;

/// <summary>
/// Our emulation of Python zoneinfo's <c>dst()</c> (<see cref="ZoneInfoDst"/>) against python3's real
/// zoneinfo, for every zone, at instants around each of its transitions from 2020 to 2030 and twice a
/// year. Where python3 (3.9 or later, with tz data) is not installed the test reports itself skipped.
/// The machine's tz data may be another release than NodaTime's embedded one: only instants where both
/// agree on the rule in force — the UTC offset, the abbreviation and whether it is daylight saving time
/// at all — are compared (what the emulation decides is how MUCH of the offset is DST), and zones python
/// does not know are listed, not compared.
/// </summary>
public sealed class ZoneInfoDstFacts(ITestOutputHelper output)
{
    private const string Script = """
        import sys, zoneinfo
        from datetime import datetime
        zones = {}
        out = []
        for line in sys.stdin:
            z, ts = line.split()
            if z not in zones:
                try:
                    zones[z] = zoneinfo.ZoneInfo(z)
                except Exception:
                    zones[z] = None
            tz = zones[z]
            if tz is None:
                out.append(z + " " + ts + " missing")
                continue
            d = datetime.fromtimestamp(int(ts), tz)
            out.append("%s %s %d %d %s" % (z, ts, d.utcoffset().total_seconds(), d.dst().total_seconds(), d.tzname()))
        version = "unknown"
        for folder in zoneinfo.TZPATH:
            try:
                with open(folder + "/tzdata.zi") as f:
                    version = f.readline().strip().replace("# version ", "")
                break
            except OSError:
                pass
        out.append("tzdata " + version + " python " + sys.version.split()[0])
        sys.stdout.write("\n".join(out) + "\n")
        """;

    // Zones whose dst() zic's flags change (see ZoneInfoDst): types told apart by how their transition
    // times were written (standard, wall or UT), which NodaTime's data does not keep. A difference there
    // after the date given still fails the test.
    private static readonly Dictionary<string, (Instant Until, string Reason)> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["America/Scoresbysund"] = (Instant.FromUtc(2024, 1, 1, 0, 0), "until 2023, zic kept two '+00' DST types apart (one entered from -02 in 1981, dst 2 h); NodaTime's data cannot tell them apart"),
    };

    [Fact]
    public void Dst_AgreesWithPythonZoneInfo_AroundEveryTransitionFrom2020To2030()
    {
        var samples = Samples();
        var input = new StringBuilder();
        foreach (var (zone, ts) in samples)
        {
            input.Append(zone).Append(' ').Append(ts).Append('\n');
        }

        if (RunPython(input.ToString()) is not { } lines)
        {
            return;
        }

        output.WriteLine(lines[^1]);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var offsetDiffers = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var mismatches = new List<string>();
        var knownSeen = new SortedSet<string>(StringComparer.Ordinal);
        var compared = 0;
        var zones = new Dictionary<string, PythonZone>(StringComparer.Ordinal);
        for (var i = 0; i < samples.Count; i++)
        {
            var (zoneId, ts) = samples[i];
            var parts = lines[i].Split(' ');
            Assert.Equal(zoneId, parts[0]);
            if (parts[2] == "missing")
            {
                missing.Add(zoneId);
                continue;
            }

            var zone = DateTimeZoneProviders.Tzdb[zoneId];
            var interval = zone.GetZoneInterval(Instant.FromUnixTimeSeconds(ts));
            var theirs = int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture);

            // Morocco's Ramadan hour and its permanent +00 from 2026-09-20 (tzdata 2026) are both "+00" at
            // UTC+0, one as DST and one not: another rule, not another reading of the same rule.
            if (interval.WallOffset.Seconds != int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)
                || interval.Name != parts[4]
                || (interval.Savings != Offset.Zero) != (theirs != 0))
            {
                offsetDiffers[zoneId] = offsetDiffers.GetValueOrDefault(zoneId) + 1;
                continue;
            }

            if (!zones.TryGetValue(zoneId, out var python))
            {
                zones[zoneId] = python = new PythonZone(zone);
            }

            var local = python.FromTimestamp(ts);
            var ours = python.DstSeconds(local.Wall, local.Fold);
            compared++;
            if (ours != theirs)
            {
                var line = $"{zoneId} at {Instant.FromUnixTimeSeconds(ts)}: ours {ours} s, zoneinfo {theirs} s";
                if (KnownDifferences.TryGetValue(zoneId, out var known) && Instant.FromUnixTimeSeconds(ts) < known.Until)
                {
                    knownSeen.Add(zoneId);
                }
                else
                {
                    mismatches.Add(line);
                }
            }
        }

        output.WriteLine($"{compared} instants compared in {zones.Count} zones");
        output.WriteLine($"zones python does not know (not compared): {(missing.Count == 0 ? "none" : string.Join(", ", missing))}");
        output.WriteLine($"instants skipped because the tz releases disagree on the rule in force (offset, abbreviation or DST at all): {(offsetDiffers.Count == 0 ? "none" : string.Join(", ", offsetDiffers.Select(kv => $"{kv.Key} ({kv.Value})")))}");
        foreach (var zone in knownSeen)
        {
            output.WriteLine($"known difference, not counted: {zone}: {KnownDifferences[zone].Reason}");
        }

        Assert.True(compared > 10_000, $"only {compared} instants compared");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} instants where our dst() differs from zoneinfo's:\n{string.Join("\n", mismatches.Take(50))}");
    }

    /// <summary>For each zone: an hour before and after each transition of 2020-2030, and mid-January and mid-July of each year.</summary>
    private static List<(string Zone, long Ts)> Samples()
    {
        var from = Instant.FromUtc(2020, 1, 1, 0, 0);
        var to = Instant.FromUtc(2031, 1, 1, 0, 0);
        var samples = new List<(string, long)>();
        foreach (var id in DateTimeZoneProviders.Tzdb.Ids)
        {
            var zone = DateTimeZoneProviders.Tzdb[id];
            foreach (var interval in zone.GetZoneIntervals(from, to))
            {
                if (interval.HasStart && interval.Start > from)
                {
                    samples.Add((id, interval.Start.ToUnixTimeSeconds() - 3600));
                    samples.Add((id, interval.Start.ToUnixTimeSeconds() + 3600));
                }
            }

            for (var year = 2020; year <= 2030; year++)
            {
                samples.Add((id, Instant.FromUtc(year, 1, 15, 12, 0).ToUnixTimeSeconds()));
                samples.Add((id, Instant.FromUtc(year, 7, 15, 12, 0).ToUnixTimeSeconds()));
            }
        }

        return samples;
    }

    /// <summary>The script's output lines, or null after reporting the test skipped when python3 cannot run it.</summary>
    private static string[]? RunPython(string input)
    {
        var script = Path.Combine(Path.GetTempPath(), $"osiris-zoneinfo-{Environment.ProcessId}.py");
        File.WriteAllText(script, Script);
        try
        {
            var start = new ProcessStartInfo("python3", $"\"{script}\"")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            Process? process;
            try
            {
                process = Process.Start(start);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                process = null;
            }

            if (process is null)
            {
                Assert.Skip("python3 is not installed, so our zoneinfo dst() emulation was not compared with the real one");
                return null;
            }

            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
                var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
                process.StandardInput.Write(input);
                process.StandardInput.Close();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    Assert.Skip($"python3 could not run the zoneinfo comparison (zoneinfo needs Python 3.9 and tz data): {stderr.Result.Trim()}");
                    return null;
                }

                var lines = stdout.Result.TrimEnd('\n').Split('\n');
                if (lines.Length > 1 && lines.Take(lines.Length - 1).All(l => l.EndsWith(" missing", StringComparison.Ordinal)))
                {
                    Assert.Skip("python3's zoneinfo finds no tz data on this machine, so the dst() emulation was not compared");
                    return null;
                }

                return lines;
            }
        }
        finally
        {
            File.Delete(script);
        }
    }
}
