using System.Globalization;
using System.Linq;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Settings;
using Osiris.Oml.Syntax;
using Osiris.Oml.Text;

namespace Osiris.Oml.Rules;

/// <summary>
/// The repository's production policy on one pipeline (OSI0301, OSI0313–OSI0316, OSI0308): owners,
/// what high-criticality pipelines declare, limits on timeouts, retries and concurrency, an SLA that
/// a legitimate run cannot outlast, and custom test scripts that exist.
/// </summary>
internal sealed class PolicyRule : IDocumentRule
{
    public void Analyze(RuleContext context)
    {
        var policy = context.Options.Policy;
        var metadata = context.Metadata;
        var schedule = context.Schedule;
        var critical = metadata?.Criticality is Criticality.High or Criticality.Critical;

        CheckOwner(context, policy, schedule, critical);
        if (critical && metadata is not null)
        {
            var level = metadata.Criticality == Criticality.Critical ? "critical" : "of high criticality";
            var at = context.MetadataSpans!.Criticality!.Value;
            if ((policy.HighCriticalityRequires & HighCriticalityRequirements.Sla) != 0 && metadata.Sla is null && context.MetadataSpans.Sla is null)
            {
                context.Report(DiagnosticCatalog.SlaRequired, at, "metadata.sla", level, "high and critical");
            }

            if ((policy.HighCriticalityRequires & HighCriticalityRequirements.OnFailure) != 0 && !metadata.Notifications.Any(n => n.Event == "on_failure"))
            {
                context.Report(DiagnosticCatalog.OnFailureRequired, at, "metadata.notifications.on_failure", level, "high and critical");
            }
        }

        if (schedule is not null && context.ScheduleSpans is { } spans)
        {
            CheckLimits(context, policy, schedule, spans);
            CheckSla(context, metadata, schedule);
        }

        CheckScripts(context);
    }

    private static void CheckOwner(RuleContext context, PolicySettings policy, ScheduleModel? schedule, bool critical)
    {
        // A written owner is valid, or invalid and reported as OSI0302; only a missing or empty one is reported here.
        if (context.MetadataSpans?.Owner is not null)
        {
            return;
        }

        string? reason = policy.OwnerRequired switch
        {
            OwnerRequirement.Always => "the repository requires an owner for every pipeline",
            OwnerRequirement.Scheduled when schedule is not null || context.Root.ContainsKey(OmlKeys.Schedule) => "it has a schedule, so it runs in production unattended",
            OwnerRequirement.HighCriticality when critical => "it is of high criticality",
            _ => null,
        };
        if (reason is null)
        {
            return;
        }

        // A written but empty owner is marked on its key; a missing one on the metadata key (or the file's first key).
        var at = context.MetadataSpans?.OwnerKey
            ?? context.Root.GetEntry(OmlKeys.Metadata)?.Key.Span
            ?? YamlValues.HeadOf(context.Root);
        context.Report(DiagnosticCatalog.MissingOwner, at, "metadata.owner", reason);
    }

    private static void CheckLimits(RuleContext context, PolicySettings policy, ScheduleModel schedule, Binding.ScheduleSpans spans)
    {
        if (policy.MaxTimeout is { } maxTimeout && schedule.Timeout is { } timeout && timeout.NominalSeconds > maxTimeout.NominalSeconds)
        {
            context.Report(
                DiagnosticCatalog.PolicyLimitExceeded,
                spans.Timeout!.Value,
                "schedule.timeout",
                "schedule.timeout",
                timeout.ToString(),
                OsirisSettings.MaxTimeout.GlobalConfigKey,
                maxTimeout.ToString(),
                "shorten the timeout, or split the pipeline");
        }

        if (policy.MaxRetryAttempts is { } maxAttempts && schedule.Retry is { } retry && retry.Attempts > maxAttempts)
        {
            context.Report(
                DiagnosticCatalog.PolicyLimitExceeded,
                spans.RetryAttempts!.Value,
                "schedule.retry.attempts",
                "schedule.retry.attempts",
                retry.Attempts.ToString(CultureInfo.InvariantCulture),
                OsirisSettings.MaxRetryAttempts.GlobalConfigKey,
                maxAttempts.ToString(CultureInfo.InvariantCulture),
                "retry less often and alert sooner");
        }

        if (policy.MaxConcurrency is { } maxConcurrency && schedule.Concurrency is { } concurrency && concurrency > maxConcurrency)
        {
            context.Report(
                DiagnosticCatalog.PolicyLimitExceeded,
                spans.Concurrency!.Value,
                "schedule.concurrency",
                "schedule.concurrency",
                concurrency.ToString(CultureInfo.InvariantCulture),
                OsirisSettings.MaxConcurrency.GlobalConfigKey,
                maxConcurrency.ToString(CultureInfo.InvariantCulture),
                "lower it so runs of this pipeline do not crowd the others");
        }
    }

    /// <summary>The SLA must leave room for what a run may legitimately take: its timeout, and its retries.</summary>
    private static void CheckSla(RuleContext context, MetadataModel? metadata, ScheduleModel schedule)
    {
        if (metadata?.Sla is not { } slaValue || schedule.Timeout is not { } timeoutValue || context.MetadataSpans?.Sla is not { } at)
        {
            return;
        }

        var sla = slaValue.ToNominalDuration();
        var timeout = timeoutValue.ToNominalDuration();
        if (timeout > sla)
        {
            context.Report(DiagnosticCatalog.SlaShorterThanRun, at, "metadata.sla", TimeText.Length(sla), "the timeout", TimeText.Length(timeout));
            return;
        }

        if (schedule.Retry is { Attempts: > 0 } retry)
        {
            var formula = RetryDelays.WorstFormula(retry, TargetSet.For(context.Options.Schedule).Select(t => t.Orchestrator));
            var worst = RetryDelays.WorstCase(retry, timeout, formula);
            if (worst > sla)
            {
                context.Report(
                    DiagnosticCatalog.SlaShorterThanRun,
                    at,
                    "metadata.sla",
                    TimeText.Length(sla),
                    "the worst case of a failing run",
                    $"{TimeText.Length(worst)}: {retry.Attempts + 1} tries of up to {TimeText.Length(timeout)} plus the retry delays");
            }
        }
    }

    private static void CheckScripts(RuleContext context)
    {
        if (context.Options.ProjectFiles is not { } files || context.MetadataSpans is not { } spans)
        {
            return;
        }

        foreach (var (script, span) in spans.Scripts)
        {
            if (!files.Contains(script, context.Tree.FilePath))
            {
                context.Report(DiagnosticCatalog.TestScriptNotFound, span, "metadata.tests", MessageText.Excerpt(script));
            }
        }
    }
}
