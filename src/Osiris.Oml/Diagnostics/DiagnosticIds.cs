namespace Osiris.Oml.Diagnostics;

// The constant names are the documentation; each ID has its page under Diagnostics/Docs.
#pragma warning disable CS1591

/// <summary>
/// Every diagnostic ID the product reports. IDs are never reused or renumbered: a retired ID stays
/// here as a comment that says why it was retired.
/// </summary>
public static class DiagnosticIds
{
    // OSI00xx: the file and its YAML.
    public const string InternalError = "OSI0001";
    public const string NotText = "OSI0002";
    public const string YamlSyntax = "OSI0003";
    public const string DuplicateKey = "OSI0004";
    public const string LimitExceeded = "OSI0005";
    public const string RootNotMapping = "OSI0006";
    public const string MultipleDocuments = "OSI0007";
    public const string UnsupportedOmlVersion = "OSI0008";
    public const string UnsupportedYamlFeature = "OSI0009";
    public const string InvalidSetting = "OSI0010";
    public const string DiagnosticsLeftOut = "OSI0011";

    // OSI01xx: structure of the pipeline.
    public const string MissingRequiredKey = "OSI0101";
    public const string ForbiddenKey = "OSI0102";
    public const string UnknownTopLevelKey = "OSI0103";
    public const string WrongType = "OSI0104";
    public const string EmptyValue = "OSI0105";
    public const string NamingConvention = "OSI0106";
    public const string EmptySteps = "OSI0107";
    public const string MissingStepField = "OSI0108";
    public const string DuplicateStepId = "OSI0109";
    public const string UnknownComponent = "OSI0110";
    public const string InvalidMode = "OSI0111";
    public const string IncompatibleMode = "OSI0112";
    public const string UnknownDependency = "OSI0113";
    public const string DependencyCycle = "OSI0114";
    public const string InvalidConnectionReference = "OSI0115";
    public const string UnknownConfigKey = "OSI0116";
    public const string MissingConfigKey = "OSI0117";
    public const string MissingPrimaryKey = "OSI0118";
    public const string UnknownWriteMode = "OSI0119";
    public const string InvalidConfigValue = "OSI0120";
    public const string UnknownStepKey = "OSI0121";
    public const string DuplicateDependency = "OSI0122";
    public const string MissingConfig = "OSI0123";
    public const string InvalidComponentSpec = "OSI0124";

    // OSI02xx: the schedule block.
    public const string InvalidCron = "OSI0201";
    public const string CronNeverFires = "OSI0202";
    public const string UnknownTimeZone = "OSI0203";
    public const string InvalidScheduleValue = "OSI0204";
    public const string UnknownScheduleKey = "OSI0205";
    public const string RequiresVersion020 = "OSI0206";
    public const string MissingScheduleExpression = "OSI0207";
    public const string WindowNotUsed = "OSI0208";
    public const string WindowVariableWithoutWindow = "OSI0209";
    public const string UnknownVariable = "OSI0210";
    public const string FireTimeSkippedByDst = "OSI0211";
    public const string FireTimeRepeatedByDst = "OSI0212";
    public const string RepeatedHourRunsDiffer = "OSI0213";
    public const string HourSetCrossesDst = "OSI0214";
    public const string MidnightDstTransition = "OSI0215";
    public const string FixedOffsetZone = "OSI0216";

    // OSI03xx: the metadata block and production policy.
    public const string MissingOwner = "OSI0301";
    public const string InvalidOwner = "OSI0302";
    public const string InvalidMetadataValue = "OSI0303";
    public const string UnknownMetadataKey = "OSI0304";
    public const string InvalidTag = "OSI0305";
    public const string DuplicateTag = "OSI0306";
    public const string InvalidDataTest = "OSI0307";
    public const string TestScriptNotFound = "OSI0308";
    public const string InvalidLineageReference = "OSI0309";
    public const string UnknownLineageKind = "OSI0310";
    public const string InvalidNotification = "OSI0311";
    public const string UnknownNotificationEvent = "OSI0312";
    public const string SlaRequired = "OSI0313";
    public const string OnFailureRequired = "OSI0314";
    public const string PolicyLimitExceeded = "OSI0315";
    public const string SlaShorterThanRun = "OSI0316";

    // OSI04xx: conflicts between runs and between pipelines.
    public const string WindowOverlap = "OSI0401";
    public const string WindowGap = "OSI0402";
    public const string RunsPileUp = "OSI0403";
    public const string RetriesOutlastInterval = "OSI0404";
    public const string DuplicatePipelineName = "OSI0405";
    public const string UnknownLineagePipeline = "OSI0406";
    public const string LineageCycle = "OSI0407";
    public const string OneSidedLineage = "OSI0408";
    public const string DownstreamBeforeUpstream = "OSI0409";
    public const string SharedWriteTarget = "OSI0410";
    public const string TooManyParallelRuns = "OSI0411";

    // OSI05xx: security.
    public const string ForbiddenOverride = "OSI0501";
    public const string OverrideWarning = "OSI0502";
    public const string InlineSecret = "OSI0503";

    // OSI06xx: orchestrator compatibility.
    public const string DayOfMonthAndDayOfWeek = "OSI0601";
    public const string SecondsOrYearField = "OSI0602";
    public const string CronFeatureNotSupported = "OSI0603";
    public const string CronFeatureVersionDependent = "OSI0604";
    public const string UnevenCronStep = "OSI0605";
    public const string OffsetZoneHourlyDagster = "OSI0606";

    // OSI07xx: orchestrator exports read back (osiris schedule import).
    public const string ExportEditedByHand = "OSI0701";
    public const string NoEmbeddedBlock = "OSI0702";
    public const string InvalidEmbeddedBlock = "OSI0703";
    public const string UnreadableExport = "OSI0704";
}
