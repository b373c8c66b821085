using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using Osiris.Oml.Binding;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;

namespace Osiris.Oml.Rules;

/// <summary>
/// Runs that pile up (OSI0403, OSI0404): a timeout, or the worst case of a failing run with its
/// retries, longer than the shortest time between two scheduled runs — which a DST change can shorten.
/// </summary>
internal static class RunLoadAnalysis
{
    public static void Analyze(RuleContext context, ScheduleModel schedule, FireSamples samples, ScheduleSpans spans)
    {
        if (schedule.Timeout is not { } timeoutValue)
        {
            return;
        }

        var shortest = Shortest(samples, out var earlier, out var later, out var targetName, out var sameForAll);
        if (shortest is not { } interval)
        {
            return;
        }

        var timeout = timeoutValue.ToNominalDuration();
        var where = $"between the runs of {TimeText.DateAndClock(earlier, samples.Zone)} and {TimeText.DateAndClock(later, samples.Zone)}"
            + (sameForAll ? string.Empty : " in " + targetName);

        if (schedule.Concurrency == 1 && timeout > interval)
        {
            context.Report(
                DiagnosticCatalog.RunsPileUp,
                spans.Timeout ?? spans.Block,
                "schedule.timeout",
                TimeText.Length(timeout),
                TimeText.Length(interval),
                where,
                "1");
        }

        if (schedule.Retry is { Attempts: > 0 } retry)
        {
            var formula = RetryDelays.WorstFormula(retry, samples.ByTarget.Select(t => t.Target.Orchestrator));
            var delays = RetryDelays.TotalDelay(retry, formula);
            var worst = RetryDelays.WorstCase(retry, timeout, formula);
            if (worst > interval)
            {
                context.Report(
                    DiagnosticCatalog.RetriesOutlastInterval,
                    spans.Retry ?? spans.Block,
                    "schedule.retry",
                    retry.Attempts.ToString(CultureInfo.InvariantCulture),
                    (retry.Attempts + 1).ToString(CultureInfo.InvariantCulture),
                    TimeText.Length(timeout),
                    TimeText.Length(delays),
                    TimeText.Length(worst),
                    $"{TimeText.Length(interval)}, {where}");
            }
        }
    }

    /// <summary>The shortest time between consecutive fires of any target; whether every target has that same pair.</summary>
    private static Duration? Shortest(FireSamples samples, out Instant earlier, out Instant later, out string target, out bool sameForAll)
    {
        Duration? best = null;
        earlier = later = default;
        target = string.Empty;
        var perTarget = new List<(Instant, Instant)?>();
        foreach (var (variant, steady, stretches) in samples.ByTarget)
        {
            (Instant, Instant)? own = null;
            Duration? ownBest = null;
            foreach (var fires in new[] { steady }.Concat(stretches.Select(s => s.Fires)))
            {
                for (var i = 1; i < fires.Length; i++)
                {
                    var gap = fires[i] - fires[i - 1];
                    if (gap > Duration.Zero && (ownBest is null || gap < ownBest))
                    {
                        ownBest = gap;
                        own = (fires[i - 1], fires[i]);
                    }
                }
            }

            perTarget.Add(own);
            if (ownBest is { } b && (best is null || b < best))
            {
                best = b;
                (earlier, later) = own!.Value;
                target = variant.Name;
            }
        }

        var pair = (earlier, later);
        sameForAll = perTarget.All(p => p == pair);
        return best;
    }
}
