namespace Osiris.Oml.Scheduling;

/// <summary>A target's treatment of DST gaps and repeated hours for one kind of expression.</summary>
/// <param name="Gap">What happens to a fire time inside a gap.</param>
/// <param name="Fold">What happens to a fire time inside a repeated hour.</param>
public readonly record struct DstHandling(GapBehavior Gap, FoldBehavior Fold);
