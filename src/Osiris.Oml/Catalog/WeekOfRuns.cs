using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NodaTime;
using Osiris.Oml.Collections;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Time;

namespace Osiris.Oml.Catalog;

/// <summary>
/// Each scheduled pipeline's runs over the coming week, [start, start + timeout), worked out when first
/// asked for. Pipelines with the same schedule share one list of fire times (a repository has many
/// pipelines and few distinct schedules), and the fire times computed for the whole repository are
/// bounded: each distinct schedule gets at most <see cref="MaxRunsPerSchedule"/> runs, fewer when there
/// are many distinct schedules (<see cref="MaxRuns"/> in all), so a schedule that fires every minute or
/// second is followed for the first part of the week only.
/// </summary>
internal sealed class WeekOfRuns
{
    /// <summary>A week of runs every minute.</summary>
    public const int MaxRunsPerSchedule = 7 * 24 * 60;

    /// <summary>The fire times computed for all distinct schedules together, at most (about).</summary>
    public const int MaxRuns = 50_000;

    /// <summary>What a schedule gets even when there are very many: a day of hourly runs.</summary>
    private const int MinRunsPerSchedule = 24;

    private static readonly Duration Week = Duration.FromDays(7);
    private static readonly Duration UnknownRunLength = Duration.FromHours(1);

    private readonly Dictionary<CatalogEntry, Runs?> _runs = new(ReferenceComparer<CatalogEntry>.Instance);
    private readonly Dictionary<(ScheduleKind, string?, OmlDuration?, string?, string), IReadOnlyList<Instant>?> _fires = new();
    private readonly Dictionary<(IReadOnlyList<Instant>, Duration), Runs> _shared = new(new RunsKeyComparer());
    private readonly Instant _reference;
    private readonly ScheduleTarget _target;
    private readonly int _maxPerSchedule;
    private readonly CancellationToken _cancellationToken;

    public WeekOfRuns(OmlAnalysisOptions options, IReadOnlyList<CatalogEntry> entries, CancellationToken cancellationToken)
    {
        _reference = options.Schedule.ReferenceTime;
        _target = TargetSet.For(options.Schedule).FirstOrDefault()?.Target ?? ScheduleTarget.Airflow;
        _cancellationToken = cancellationToken;
        var distinct = entries.Where(e => e.Schedule is not null).Select(e => Key(e.Schedule!)).Distinct().Count();
        _maxPerSchedule = distinct == 0 ? MaxRunsPerSchedule : Math.Max(MinRunsPerSchedule, Math.Min(MaxRunsPerSchedule, MaxRuns / distinct));
    }

    /// <summary>The runs of <paramref name="entry"/> in time order, or null when it has no schedule that fires.</summary>
    public Runs? Of(CatalogEntry entry)
    {
        if (!_runs.TryGetValue(entry, out var runs))
        {
            _runs[entry] = runs = Compute(entry);
        }

        return runs;
    }

    private Runs? Compute(CatalogEntry entry)
    {
        if (entry.Schedule is not { } schedule || FiresOf(schedule) is not { } fires)
        {
            return null;
        }

        var length = schedule.Timeout?.ToNominalDuration() ?? UnknownRunLength;
        if (!_shared.TryGetValue((fires, length), out var runs))
        {
            _shared[(fires, length)] = runs = new Runs(fires, length);
        }

        return runs;
    }

    private IReadOnlyList<Instant>? FiresOf(ScheduleModel schedule)
    {
        var key = Key(schedule);
        if (_fires.TryGetValue(key, out var fires))
        {
            return fires;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        if (schedule.CreateSource(TimeZones.Find(schedule.TimeZone), out _) is not { } source)
        {
            return _fires[key] = null;
        }

        var end = _reference + Week;

        // Fires are after the reference, except that Prefect on Python ≤ 3.12 can move a gap time back before it.
        var list = source.FiresUntil(_target, _reference, end, _maxPerSchedule)
            .Where(f => f >= _reference && f < end)
            .ToArray();
        return _fires[key] = list;
    }

    private static (ScheduleKind, string?, OmlDuration?, string?, string) Key(ScheduleModel s) => (s.Kind, s.Expression, s.Every, s.Start, s.TimeZone);

    /// <summary>Fire lists by reference (pipelines with one schedule share one), lengths by value.</summary>
    private sealed class RunsKeyComparer : IEqualityComparer<(IReadOnlyList<Instant> Fires, Duration Length)>
    {
        public bool Equals((IReadOnlyList<Instant> Fires, Duration Length) x, (IReadOnlyList<Instant> Fires, Duration Length) y)
            => ReferenceEquals(x.Fires, y.Fires) && x.Length == y.Length;

        public int GetHashCode((IReadOnlyList<Instant> Fires, Duration Length) obj)
            => (System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Fires) * 31) + obj.Length.GetHashCode();
    }
}

/// <summary>
/// Runs of one schedule and timeout: [fire, fire + length) for each fire, in time order. Shared by every
/// pipeline with the same schedule and timeout.
/// </summary>
internal sealed class Runs
{
    private List<(Instant Start, Instant End)>? _coverage;

    public Runs(IReadOnlyList<Instant> starts, Duration length)
    {
        Starts = starts;
        Length = length;
    }

    public IReadOnlyList<Instant> Starts { get; }

    public Duration Length { get; }

    public int Count => Starts.Count;

    public (Instant Start, Instant End) this[int index] => (Starts[index], Starts[index] + Length);

    /// <summary>The runs merged where they overlap: the stretches in which at least one run is active.</summary>
    public List<(Instant Start, Instant End)> Coverage
    {
        get
        {
            if (_coverage is null)
            {
                _coverage = new List<(Instant, Instant)>();
                foreach (var start in Starts)
                {
                    var end = start + Length;
                    if (_coverage.Count > 0 && start <= _coverage[_coverage.Count - 1].End)
                    {
                        var last = _coverage[_coverage.Count - 1];
                        _coverage[_coverage.Count - 1] = (last.Start, end > last.End ? end : last.End);
                    }
                    else
                    {
                        _coverage.Add((start, end));
                    }
                }
            }

            return _coverage;
        }
    }

    /// <summary>How many of the runs are active at <paramref name="at"/> (start ≤ at &lt; end).</summary>
    public int ActiveAt(Instant at)
    {
        // Starts are ascending and every run is as long, so the active ones are a contiguous stretch.
        var afterAt = UpperBound(at);
        var n = 0;
        for (var i = afterAt - 1; i >= 0 && Starts[i] + Length > at; i--)
        {
            n++;
        }

        return n;
    }

    /// <summary>The first index whose start is after <paramref name="at"/>.</summary>
    private int UpperBound(Instant at)
    {
        int lo = 0, hi = Starts.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Starts[mid] <= at)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
