namespace Osiris.Oml.Scheduling;

/// <summary>
/// A Python aware <c>datetime</c> in the schedule's zone, reduced to what Dagster's code reads:
/// the wall time (whole seconds, local time read as UTC) and PEP 495's <c>fold</c>.
/// <c>replace()</c> keeps the fold; wall-clock <c>+ timedelta</c> resets it to 0.
/// </summary>
internal readonly struct PyTime
{
    public PyTime(long wall, int fold)
    {
        Wall = wall;
        Fold = fold;
    }

    public long Wall { get; }

    public int Fold { get; }

    public CivilTime Civil => CivilTime.FromSeconds(Wall);

    /// <summary><c>dt + timedelta(seconds=n)</c>: wall-clock arithmetic, fold back to 0.</summary>
    public PyTime AddWall(long seconds) => new(Wall + seconds, 0);

    public PyTime WithFold(int fold) => new(Wall, fold);

    /// <summary><c>dt.replace(...)</c> of date/time fields: the fold stays.</summary>
    public PyTime Replace(CivilTime civil) => new(civil.ToSeconds(), Fold);
}
