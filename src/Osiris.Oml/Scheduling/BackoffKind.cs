namespace Osiris.Oml.Scheduling;

/// <summary>How the wait between retries grows.</summary>
public enum BackoffKind
{
    /// <summary>The same delay every time.</summary>
    Fixed,

    /// <summary>delay × attempt.</summary>
    Linear,

    /// <summary>delay × 2^(attempt − 1).</summary>
    Exponential,
}
