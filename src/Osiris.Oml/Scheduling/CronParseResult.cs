using System.Diagnostics.CodeAnalysis;

namespace Osiris.Oml.Scheduling;

/// <summary>The outcome of <see cref="CronExpression.Parse(string)"/>: an expression or an error, never both.</summary>
public sealed class CronParseResult
{
    private CronParseResult(CronExpression? expression, CronParseError? error)
    {
        Expression = expression;
        Error = error;
    }

    /// <summary>The parsed expression, or null when the text is not valid.</summary>
    public CronExpression? Expression { get; }

    /// <summary>The first problem found, or null when the text is valid.</summary>
    public CronParseError? Error { get; }

    /// <summary>Whether <see cref="Expression"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Expression))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Expression is not null;

    internal static CronParseResult Success(CronExpression expression) => new(expression, null);

    internal static CronParseResult Failure(CronParseError error) => new(null, error);
}
