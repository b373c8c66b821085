namespace Osiris.Oml.Scheduling;

/// <summary>Which rows a run loads.</summary>
public enum WindowKind
{
    /// <summary>A fixed-size window ending at the run's time plus the offset.</summary>
    Sliding,

    /// <summary>From the previous scheduled time to this one (contiguous by construction).</summary>
    Tumbling,
}
