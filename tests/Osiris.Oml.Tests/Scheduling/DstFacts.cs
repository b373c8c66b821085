using Osiris.Oml.Scheduling;
using static Osiris.Oml.Tests.Scheduling.ScheduleAssert;

namespace Osiris.Oml.Tests.Scheduling;

/// <summary>
/// What each target makes of DST gaps and repeated hours, zone by zone. Expected times are local
/// with their offset. The Airflow, Prefect and Dagster columns were computed by a line-by-line
/// transcription of each scheduler's Python code run on CPython's zoneinfo; the native column by
/// Cronos 0.13 itself (on TimeZoneInfo, in zones where it is reliable). They agree with
/// SCHEDULE-SEMANTICS.md §2 and the cron-dev oracle where those cover the same case.
/// </summary>
public sealed class DstFacts
{
    [Theory]
    // New York, 2025-03-09 02:00 EST -> 03:00 EDT: 02:30 does not exist.
    [InlineData(ScheduleTarget.Native, "America/New_York", "30 2 * * *", "2025-03-08T12:00:00Z", "2025-03-09 03:00-04, 2025-03-10 02:30-04")]
    [InlineData(ScheduleTarget.Airflow, "America/New_York", "30 2 * * *", "2025-03-08T12:00:00Z", "2025-03-09 03:30-04, 2025-03-10 02:30-04")]
    [InlineData(ScheduleTarget.PrefectPython312, "America/New_York", "30 2 * * *", "2025-03-08T12:00:00Z", "2025-03-09 01:30-05, 2025-03-10 02:30-04")]
    [InlineData(ScheduleTarget.PrefectPython313, "America/New_York", "30 2 * * *", "2025-03-08T12:00:00Z", "2025-03-09 03:30-04, 2025-03-10 02:30-04")]
    [InlineData(ScheduleTarget.Dagster, "America/New_York", "30 2 * * *", "2025-03-08T12:00:00Z", "2025-03-09 03:00-04, 2025-03-10 02:30-04")]
    [InlineData(ScheduleTarget.DagsterFixed, "America/New_York", "30 2 * * *", "2025-03-08T12:00:00Z", "2025-03-09 03:00-04, 2025-03-10 02:30-04")]

    // New York, 2025-11-02 02:00 EDT -> 01:00 EST: 01:00-01:59 happens twice.
    [InlineData(ScheduleTarget.Native, "America/New_York", "30 1 * * *", "2025-11-01T12:00:00Z", "2025-11-02 01:30-04, 2025-11-03 01:30-05")]
    [InlineData(ScheduleTarget.Airflow, "America/New_York", "30 1 * * *", "2025-11-01T12:00:00Z", "2025-11-02 01:30-05, 2025-11-03 01:30-05")]
    [InlineData(ScheduleTarget.PrefectPython312, "America/New_York", "30 1 * * *", "2025-11-01T12:00:00Z", "2025-11-02 01:30-04, 2025-11-03 01:30-05")]
    [InlineData(ScheduleTarget.PrefectPython313, "America/New_York", "30 1 * * *", "2025-11-01T12:00:00Z", "2025-11-02 01:30-04, 2025-11-03 01:30-05")]
    [InlineData(ScheduleTarget.Dagster, "America/New_York", "30 1 * * *", "2025-11-01T12:00:00Z", "2025-11-02 01:30-05, 2025-11-03 01:30-05")]
    [InlineData(ScheduleTarget.DagsterFixed, "America/New_York", "30 1 * * *", "2025-11-01T12:00:00Z", "2025-11-02 01:30-05, 2025-11-03 01:30-05")]

    // Hourly across the same fold.
    [InlineData(ScheduleTarget.Native, "America/New_York", "0 * * * *", "2025-11-02T04:30:00Z", "2025-11-02 01:00-04, 2025-11-02 01:00-05, 2025-11-02 02:00-05, 2025-11-02 03:00-05")]
    [InlineData(ScheduleTarget.Airflow, "America/New_York", "0 * * * *", "2025-11-02T04:30:00Z", "2025-11-02 01:00-04, 2025-11-02 01:00-05, 2025-11-02 02:00-05, 2025-11-02 03:00-05")]
    [InlineData(ScheduleTarget.PrefectPython312, "America/New_York", "0 * * * *", "2025-11-02T04:30:00Z", "2025-11-02 01:00-04, 2025-11-02 02:00-05, 2025-11-02 03:00-05, 2025-11-02 04:00-05")]
    [InlineData(ScheduleTarget.PrefectPython313, "America/New_York", "0 * * * *", "2025-11-02T04:30:00Z", "2025-11-02 01:00-04, 2025-11-02 02:00-05, 2025-11-02 03:00-05, 2025-11-02 04:00-05")]
    [InlineData(ScheduleTarget.Dagster, "America/New_York", "0 * * * *", "2025-11-02T04:30:00Z", "2025-11-02 01:00-04, 2025-11-02 01:00-05, 2025-11-02 02:00-05, 2025-11-02 03:00-05")]
    [InlineData(ScheduleTarget.DagsterFixed, "America/New_York", "0 * * * *", "2025-11-02T04:30:00Z", "2025-11-02 01:00-04, 2025-11-02 01:00-05, 2025-11-02 02:00-05, 2025-11-02 03:00-05")]

    // Minute step inside the repeated hour.
    [InlineData(ScheduleTarget.Native, "America/New_York", "*/30 1 * * *", "2025-11-02T04:00:00Z", "2025-11-02 01:00-04, 2025-11-02 01:30-04, 2025-11-02 01:00-05, 2025-11-02 01:30-05")]
    [InlineData(ScheduleTarget.Airflow, "America/New_York", "*/30 1 * * *", "2025-11-02T04:00:00Z", "2025-11-02 01:00-05, 2025-11-02 01:30-05, 2025-11-03 01:00-05, 2025-11-03 01:30-05")]
    [InlineData(ScheduleTarget.PrefectPython312, "America/New_York", "*/30 1 * * *", "2025-11-02T04:00:00Z", "2025-11-02 01:00-04, 2025-11-02 01:30-04, 2025-11-03 01:00-05, 2025-11-03 01:30-05")]
    [InlineData(ScheduleTarget.PrefectPython313, "America/New_York", "*/30 1 * * *", "2025-11-02T04:00:00Z", "2025-11-02 01:00-04, 2025-11-02 01:30-04, 2025-11-03 01:00-05, 2025-11-03 01:30-05")]
    [InlineData(ScheduleTarget.Dagster, "America/New_York", "*/30 1 * * *", "2025-11-02T04:00:00Z", "2025-11-02 01:00-05, 2025-11-02 01:30-05, 2025-11-03 01:00-05, 2025-11-03 01:30-05")]
    [InlineData(ScheduleTarget.DagsterFixed, "America/New_York", "*/30 1 * * *", "2025-11-02T04:00:00Z", "2025-11-02 01:00-05, 2025-11-02 01:30-05, 2025-11-03 01:00-05, 2025-11-03 01:30-05")]

    // Minute step inside the missing hour: Airflow chains from 03:00 and loses 02:30.
    [InlineData(ScheduleTarget.Native, "America/New_York", "*/30 2 * * *", "2025-03-08T12:00:00Z", "2025-03-09 03:00-04, 2025-03-10 02:00-04, 2025-03-10 02:30-04")]
    [InlineData(ScheduleTarget.Airflow, "America/New_York", "*/30 2 * * *", "2025-03-08T12:00:00Z", "2025-03-09 03:00-04, 2025-03-10 02:00-04, 2025-03-10 02:30-04")]
    [InlineData(ScheduleTarget.PrefectPython312, "America/New_York", "*/30 2 * * *", "2025-03-08T12:00:00Z", "2025-03-09 01:00-05, 2025-03-09 01:30-05, 2025-03-10 02:00-04")]
    [InlineData(ScheduleTarget.PrefectPython313, "America/New_York", "*/30 2 * * *", "2025-03-08T12:00:00Z", "2025-03-09 03:00-04, 2025-03-09 03:30-04, 2025-03-10 02:00-04")]
    [InlineData(ScheduleTarget.Dagster, "America/New_York", "*/30 2 * * *", "2025-03-08T12:00:00Z", "2025-03-09 03:00-04, 2025-03-10 02:00-04, 2025-03-10 02:30-04")]
    [InlineData(ScheduleTarget.DagsterFixed, "America/New_York", "*/30 2 * * *", "2025-03-08T12:00:00Z", "2025-03-09 03:00-04, 2025-03-10 02:00-04, 2025-03-10 02:30-04")]

    // Prague, 2025-03-30 02:00 CET -> 03:00 CEST: 02:30 does not exist.
    [InlineData(ScheduleTarget.Native, "Europe/Prague", "30 2 * * *", "2025-03-29T12:00:00Z", "2025-03-30 03:00+02, 2025-03-31 02:30+02")]
    [InlineData(ScheduleTarget.Airflow, "Europe/Prague", "30 2 * * *", "2025-03-29T12:00:00Z", "2025-03-30 03:30+02, 2025-03-31 02:30+02")]
    [InlineData(ScheduleTarget.PrefectPython312, "Europe/Prague", "30 2 * * *", "2025-03-29T12:00:00Z", "2025-03-30 01:30+01, 2025-03-31 02:30+02")]
    [InlineData(ScheduleTarget.PrefectPython313, "Europe/Prague", "30 2 * * *", "2025-03-29T12:00:00Z", "2025-03-30 03:30+02, 2025-03-31 02:30+02")]
    [InlineData(ScheduleTarget.Dagster, "Europe/Prague", "30 2 * * *", "2025-03-29T12:00:00Z", "2025-03-30 03:00+02, 2025-03-31 02:30+02")]
    [InlineData(ScheduleTarget.DagsterFixed, "Europe/Prague", "30 2 * * *", "2025-03-29T12:00:00Z", "2025-03-30 03:00+02, 2025-03-31 02:30+02")]

    // Prague, 2025-10-26 03:00 CEST -> 02:00 CET: 02:30 happens twice.
    [InlineData(ScheduleTarget.Native, "Europe/Prague", "30 2 * * *", "2025-10-25T12:00:00Z", "2025-10-26 02:30+02, 2025-10-27 02:30+01")]
    [InlineData(ScheduleTarget.Airflow, "Europe/Prague", "30 2 * * *", "2025-10-25T12:00:00Z", "2025-10-26 02:30+01, 2025-10-27 02:30+01")]
    [InlineData(ScheduleTarget.PrefectPython312, "Europe/Prague", "30 2 * * *", "2025-10-25T12:00:00Z", "2025-10-26 02:30+02, 2025-10-27 02:30+01")]
    [InlineData(ScheduleTarget.PrefectPython313, "Europe/Prague", "30 2 * * *", "2025-10-25T12:00:00Z", "2025-10-26 02:30+02, 2025-10-27 02:30+01")]
    [InlineData(ScheduleTarget.Dagster, "Europe/Prague", "30 2 * * *", "2025-10-25T12:00:00Z", "2025-10-26 02:30+01, 2025-10-27 02:30+01")]
    [InlineData(ScheduleTarget.DagsterFixed, "Europe/Prague", "30 2 * * *", "2025-10-25T12:00:00Z", "2025-10-26 02:30+01, 2025-10-27 02:30+01")]

    // Prague, 2025-10-26 03:00 CEST -> 02:00 CET: hourly through the repeated hour.
    [InlineData(ScheduleTarget.Native, "Europe/Prague", "0 * * * *", "2025-10-25T23:30:00Z", "2025-10-26 02:00+02, 2025-10-26 02:00+01, 2025-10-26 03:00+01, 2025-10-26 04:00+01")]
    [InlineData(ScheduleTarget.Airflow, "Europe/Prague", "0 * * * *", "2025-10-25T23:30:00Z", "2025-10-26 02:00+02, 2025-10-26 02:00+01, 2025-10-26 03:00+01, 2025-10-26 04:00+01")]
    [InlineData(ScheduleTarget.PrefectPython312, "Europe/Prague", "0 * * * *", "2025-10-25T23:30:00Z", "2025-10-26 02:00+02, 2025-10-26 03:00+01, 2025-10-26 04:00+01, 2025-10-26 05:00+01")]
    [InlineData(ScheduleTarget.PrefectPython313, "Europe/Prague", "0 * * * *", "2025-10-25T23:30:00Z", "2025-10-26 02:00+02, 2025-10-26 03:00+01, 2025-10-26 04:00+01, 2025-10-26 05:00+01")]
    [InlineData(ScheduleTarget.Dagster, "Europe/Prague", "0 * * * *", "2025-10-25T23:30:00Z", "2025-10-26 02:00+02, 2025-10-26 02:00+01, 2025-10-26 03:00+01, 2025-10-26 04:00+01")]
    [InlineData(ScheduleTarget.DagsterFixed, "Europe/Prague", "0 * * * *", "2025-10-25T23:30:00Z", "2025-10-26 02:00+02, 2025-10-26 02:00+01, 2025-10-26 03:00+01, 2025-10-26 04:00+01")]

    // Sydney, 2025-10-05 02:00 AEST -> 03:00 AEDT: 02:30 does not exist.
    [InlineData(ScheduleTarget.Native, "Australia/Sydney", "30 2 * * *", "2025-10-04T00:00:00Z", "2025-10-05 03:00+11, 2025-10-06 02:30+11")]
    [InlineData(ScheduleTarget.Airflow, "Australia/Sydney", "30 2 * * *", "2025-10-04T00:00:00Z", "2025-10-05 03:30+11, 2025-10-06 02:30+11")]
    [InlineData(ScheduleTarget.PrefectPython312, "Australia/Sydney", "30 2 * * *", "2025-10-04T00:00:00Z", "2025-10-05 01:30+10, 2025-10-06 02:30+11")]
    [InlineData(ScheduleTarget.PrefectPython313, "Australia/Sydney", "30 2 * * *", "2025-10-04T00:00:00Z", "2025-10-05 03:30+11, 2025-10-06 02:30+11")]
    [InlineData(ScheduleTarget.Dagster, "Australia/Sydney", "30 2 * * *", "2025-10-04T00:00:00Z", "2025-10-05 03:00+11, 2025-10-06 02:30+11")]
    [InlineData(ScheduleTarget.DagsterFixed, "Australia/Sydney", "30 2 * * *", "2025-10-04T00:00:00Z", "2025-10-05 03:00+11, 2025-10-06 02:30+11")]

    // Sydney, 2025-04-06 03:00 AEDT -> 02:00 AEST: 02:30 happens twice.
    [InlineData(ScheduleTarget.Native, "Australia/Sydney", "30 2 * * *", "2025-04-05T00:00:00Z", "2025-04-06 02:30+11, 2025-04-07 02:30+10")]
    [InlineData(ScheduleTarget.Airflow, "Australia/Sydney", "30 2 * * *", "2025-04-05T00:00:00Z", "2025-04-06 02:30+10, 2025-04-07 02:30+10")]
    [InlineData(ScheduleTarget.PrefectPython312, "Australia/Sydney", "30 2 * * *", "2025-04-05T00:00:00Z", "2025-04-06 02:30+11, 2025-04-07 02:30+10")]
    [InlineData(ScheduleTarget.PrefectPython313, "Australia/Sydney", "30 2 * * *", "2025-04-05T00:00:00Z", "2025-04-06 02:30+11, 2025-04-07 02:30+10")]
    [InlineData(ScheduleTarget.Dagster, "Australia/Sydney", "30 2 * * *", "2025-04-05T00:00:00Z", "2025-04-06 02:30+10, 2025-04-07 02:30+10")]
    [InlineData(ScheduleTarget.DagsterFixed, "Australia/Sydney", "30 2 * * *", "2025-04-05T00:00:00Z", "2025-04-06 02:30+10, 2025-04-07 02:30+10")]

    // Hour range through Sydney's repeated hour (2025-04-06 03:00 AEDT -> 02:00 AEST).
    [InlineData(ScheduleTarget.Native, "Australia/Sydney", "30 0-3 * * *", "2025-04-05T12:00:00Z", "2025-04-06 00:30+11, 2025-04-06 01:30+11, 2025-04-06 02:30+11, 2025-04-06 02:30+10, 2025-04-06 03:30+10")]
    [InlineData(ScheduleTarget.Airflow, "Australia/Sydney", "30 0-3 * * *", "2025-04-05T12:00:00Z", "2025-04-06 00:30+11, 2025-04-06 01:30+11, 2025-04-06 02:30+10, 2025-04-06 03:30+10, 2025-04-07 00:30+10")]
    [InlineData(ScheduleTarget.PrefectPython312, "Australia/Sydney", "30 0-3 * * *", "2025-04-05T12:00:00Z", "2025-04-06 00:30+11, 2025-04-06 01:30+11, 2025-04-06 02:30+11, 2025-04-06 03:30+10, 2025-04-07 00:30+10")]
    [InlineData(ScheduleTarget.PrefectPython313, "Australia/Sydney", "30 0-3 * * *", "2025-04-05T12:00:00Z", "2025-04-06 00:30+11, 2025-04-06 01:30+11, 2025-04-06 02:30+11, 2025-04-06 03:30+10, 2025-04-07 00:30+10")]
    [InlineData(ScheduleTarget.Dagster, "Australia/Sydney", "30 0-3 * * *", "2025-04-05T12:00:00Z", "2025-04-06 00:30+11, 2025-04-06 01:30+11, 2025-04-06 02:30+10, 2025-04-06 03:30+10, 2025-04-07 00:30+10")]
    [InlineData(ScheduleTarget.DagsterFixed, "Australia/Sydney", "30 0-3 * * *", "2025-04-05T12:00:00Z", "2025-04-06 00:30+11, 2025-04-06 01:30+11, 2025-04-06 02:30+10, 2025-04-06 03:30+10, 2025-04-07 00:30+10")]

    // Santiago, 2025-09-07 00:00 -04 -> 01:00 -03: midnight does not exist (Prefect <= 3.12 runs on the previous date).
    [InlineData(ScheduleTarget.Native, "America/Santiago", "0 0 * * *", "2025-09-05T12:00:00Z", "2025-09-06 00:00-04, 2025-09-07 01:00-03, 2025-09-08 00:00-03")]
    [InlineData(ScheduleTarget.Airflow, "America/Santiago", "0 0 * * *", "2025-09-05T12:00:00Z", "2025-09-06 00:00-04, 2025-09-07 01:00-03, 2025-09-08 00:00-03")]
    [InlineData(ScheduleTarget.PrefectPython312, "America/Santiago", "0 0 * * *", "2025-09-05T12:00:00Z", "2025-09-06 00:00-04, 2025-09-06 23:00-04, 2025-09-08 00:00-03")]
    [InlineData(ScheduleTarget.PrefectPython313, "America/Santiago", "0 0 * * *", "2025-09-05T12:00:00Z", "2025-09-06 00:00-04, 2025-09-07 01:00-03, 2025-09-08 00:00-03")]
    [InlineData(ScheduleTarget.Dagster, "America/Santiago", "0 0 * * *", "2025-09-05T12:00:00Z", "2025-09-06 00:00-04, 2025-09-07 01:00-03, 2025-09-08 00:00-03")]
    [InlineData(ScheduleTarget.DagsterFixed, "America/Santiago", "0 0 * * *", "2025-09-05T12:00:00Z", "2025-09-06 00:00-04, 2025-09-07 01:00-03, 2025-09-08 00:00-03")]

    // Santiago, 2025-04-06 00:00 -03 -> 2025-04-05 23:00 -04: 23:30 on 04-05 happens twice.
    [InlineData(ScheduleTarget.Native, "America/Santiago", "30 23 * * *", "2025-04-04T12:00:00Z", "2025-04-04 23:30-03, 2025-04-05 23:30-03, 2025-04-06 23:30-04")]
    [InlineData(ScheduleTarget.Airflow, "America/Santiago", "30 23 * * *", "2025-04-04T12:00:00Z", "2025-04-04 23:30-03, 2025-04-05 23:30-04, 2025-04-06 23:30-04")]
    [InlineData(ScheduleTarget.PrefectPython312, "America/Santiago", "30 23 * * *", "2025-04-04T12:00:00Z", "2025-04-04 23:30-03, 2025-04-05 23:30-03, 2025-04-06 23:30-04")]
    [InlineData(ScheduleTarget.PrefectPython313, "America/Santiago", "30 23 * * *", "2025-04-04T12:00:00Z", "2025-04-04 23:30-03, 2025-04-05 23:30-03, 2025-04-06 23:30-04")]
    [InlineData(ScheduleTarget.Dagster, "America/Santiago", "30 23 * * *", "2025-04-04T12:00:00Z", "2025-04-04 23:30-03, 2025-04-05 23:30-03, 2025-04-06 23:30-04")]
    [InlineData(ScheduleTarget.DagsterFixed, "America/Santiago", "30 23 * * *", "2025-04-04T12:00:00Z", "2025-04-04 23:30-03, 2025-04-05 23:30-03, 2025-04-06 23:30-04")]

    // Beirut, 2025-03-30 00:00 EET -> 01:00 EEST: midnight does not exist.
    [InlineData(ScheduleTarget.Native, "Asia/Beirut", "0 0 * * *", "2025-03-28T12:00:00Z", "2025-03-29 00:00+02, 2025-03-30 01:00+03, 2025-03-31 00:00+03")]
    [InlineData(ScheduleTarget.Airflow, "Asia/Beirut", "0 0 * * *", "2025-03-28T12:00:00Z", "2025-03-29 00:00+02, 2025-03-30 01:00+03, 2025-03-31 00:00+03")]
    [InlineData(ScheduleTarget.PrefectPython312, "Asia/Beirut", "0 0 * * *", "2025-03-28T12:00:00Z", "2025-03-29 00:00+02, 2025-03-29 23:00+02, 2025-03-31 00:00+03")]
    [InlineData(ScheduleTarget.PrefectPython313, "Asia/Beirut", "0 0 * * *", "2025-03-28T12:00:00Z", "2025-03-29 00:00+02, 2025-03-30 01:00+03, 2025-03-31 00:00+03")]
    [InlineData(ScheduleTarget.Dagster, "Asia/Beirut", "0 0 * * *", "2025-03-28T12:00:00Z", "2025-03-29 00:00+02, 2025-03-30 01:00+03, 2025-03-31 00:00+03")]
    [InlineData(ScheduleTarget.DagsterFixed, "Asia/Beirut", "0 0 * * *", "2025-03-28T12:00:00Z", "2025-03-29 00:00+02, 2025-03-30 01:00+03, 2025-03-31 00:00+03")]

    // Beirut, 2025-10-26 00:00 EEST -> 2025-10-25 23:00 EET: 23:30 on 10-25 twice; Dagster's fast path takes the first pass (hour not 1-3).
    [InlineData(ScheduleTarget.Native, "Asia/Beirut", "30 23 * * *", "2025-10-24T12:00:00Z", "2025-10-24 23:30+03, 2025-10-25 23:30+03, 2025-10-26 23:30+02")]
    [InlineData(ScheduleTarget.Airflow, "Asia/Beirut", "30 23 * * *", "2025-10-24T12:00:00Z", "2025-10-24 23:30+03, 2025-10-25 23:30+02, 2025-10-26 23:30+02")]
    [InlineData(ScheduleTarget.PrefectPython312, "Asia/Beirut", "30 23 * * *", "2025-10-24T12:00:00Z", "2025-10-24 23:30+03, 2025-10-25 23:30+03, 2025-10-26 23:30+02")]
    [InlineData(ScheduleTarget.PrefectPython313, "Asia/Beirut", "30 23 * * *", "2025-10-24T12:00:00Z", "2025-10-24 23:30+03, 2025-10-25 23:30+03, 2025-10-26 23:30+02")]
    [InlineData(ScheduleTarget.Dagster, "Asia/Beirut", "30 23 * * *", "2025-10-24T12:00:00Z", "2025-10-24 23:30+03, 2025-10-25 23:30+03, 2025-10-26 23:30+02")]
    [InlineData(ScheduleTarget.DagsterFixed, "Asia/Beirut", "30 23 * * *", "2025-10-24T12:00:00Z", "2025-10-24 23:30+03, 2025-10-25 23:30+03, 2025-10-26 23:30+02")]

    // Same, but 2025-10-25 is a Saturday, so the day-of-week range skips the fold day (Dagster: croniter path).
    [InlineData(ScheduleTarget.Native, "Asia/Beirut", "30 23 * * 0-5", "2025-10-24T12:00:00Z", "2025-10-24 23:30+03, 2025-10-26 23:30+02, 2025-10-27 23:30+02")]
    [InlineData(ScheduleTarget.Airflow, "Asia/Beirut", "30 23 * * 0-5", "2025-10-24T12:00:00Z", "2025-10-24 23:30+03, 2025-10-26 23:30+02, 2025-10-27 23:30+02")]
    [InlineData(ScheduleTarget.PrefectPython312, "Asia/Beirut", "30 23 * * 0-5", "2025-10-24T12:00:00Z", "2025-10-24 23:30+03, 2025-10-26 23:30+02, 2025-10-27 23:30+02")]
    [InlineData(ScheduleTarget.PrefectPython313, "Asia/Beirut", "30 23 * * 0-5", "2025-10-24T12:00:00Z", "2025-10-24 23:30+03, 2025-10-26 23:30+02, 2025-10-27 23:30+02")]
    [InlineData(ScheduleTarget.Dagster, "Asia/Beirut", "30 23 * * 0-5", "2025-10-24T12:00:00Z", "2025-10-24 23:30+03, 2025-10-26 23:30+02, 2025-10-27 23:30+02")]
    [InlineData(ScheduleTarget.DagsterFixed, "Asia/Beirut", "30 23 * * 0-5", "2025-10-24T12:00:00Z", "2025-10-24 23:30+03, 2025-10-26 23:30+02, 2025-10-27 23:30+02")]

    // Lord Howe, 2025-10-05 02:00 +10:30 -> 02:30 +11: a 30-minute gap.
    [InlineData(ScheduleTarget.Native, "Australia/Lord_Howe", "15 2 * * *", "2025-10-03T12:00:00Z", "2025-10-04 02:15+10:30, 2025-10-05 02:30+11, 2025-10-06 02:15+11")]
    [InlineData(ScheduleTarget.Airflow, "Australia/Lord_Howe", "15 2 * * *", "2025-10-03T12:00:00Z", "2025-10-04 02:15+10:30, 2025-10-05 02:45+11, 2025-10-06 02:15+11")]
    [InlineData(ScheduleTarget.PrefectPython312, "Australia/Lord_Howe", "15 2 * * *", "2025-10-03T12:00:00Z", "2025-10-04 02:15+10:30, 2025-10-05 01:45+10:30, 2025-10-06 02:15+11")]
    [InlineData(ScheduleTarget.PrefectPython313, "Australia/Lord_Howe", "15 2 * * *", "2025-10-03T12:00:00Z", "2025-10-04 02:15+10:30, 2025-10-05 02:45+11, 2025-10-06 02:15+11")]
    [InlineData(ScheduleTarget.Dagster, "Australia/Lord_Howe", "15 2 * * *", "2025-10-03T12:00:00Z", "2025-10-04 02:15+10:30, 2025-10-05 02:30+11, 2025-10-06 02:15+11")]
    [InlineData(ScheduleTarget.DagsterFixed, "Australia/Lord_Howe", "15 2 * * *", "2025-10-03T12:00:00Z", "2025-10-04 02:15+10:30, 2025-10-05 02:30+11, 2025-10-06 02:15+11")]

    // Lord Howe, 2025-04-06 02:00 +11 -> 01:30 +10:30: 01:30-01:59 twice.
    [InlineData(ScheduleTarget.Native, "Australia/Lord_Howe", "45 1 * * *", "2025-04-04T12:00:00Z", "2025-04-05 01:45+11, 2025-04-06 01:45+11, 2025-04-07 01:45+10:30")]
    [InlineData(ScheduleTarget.Airflow, "Australia/Lord_Howe", "45 1 * * *", "2025-04-04T12:00:00Z", "2025-04-05 01:45+11, 2025-04-06 01:45+10:30, 2025-04-07 01:45+10:30")]
    [InlineData(ScheduleTarget.PrefectPython312, "Australia/Lord_Howe", "45 1 * * *", "2025-04-04T12:00:00Z", "2025-04-05 01:45+11, 2025-04-06 01:45+11, 2025-04-07 01:45+10:30")]
    [InlineData(ScheduleTarget.PrefectPython313, "Australia/Lord_Howe", "45 1 * * *", "2025-04-04T12:00:00Z", "2025-04-05 01:45+11, 2025-04-06 01:45+11, 2025-04-07 01:45+10:30")]
    [InlineData(ScheduleTarget.Dagster, "Australia/Lord_Howe", "45 1 * * *", "2025-04-04T12:00:00Z", "2025-04-05 01:45+11, 2025-04-06 01:45+10:30, 2025-04-07 01:45+10:30")]
    [InlineData(ScheduleTarget.DagsterFixed, "Australia/Lord_Howe", "45 1 * * *", "2025-04-04T12:00:00Z", "2025-04-05 01:45+11, 2025-04-06 01:45+10:30, 2025-04-07 01:45+10:30")]

    // Hourly across Lord Howe's 30-minute gap; +10:30 also trips Dagster <= 1.12's epoch-minute bug.
    [InlineData(ScheduleTarget.Native, "Australia/Lord_Howe", "0 * * * *", "2025-10-04T13:10:00Z", "2025-10-05 00:00+10:30, 2025-10-05 01:00+10:30, 2025-10-05 02:30+11, 2025-10-05 03:00+11")]
    [InlineData(ScheduleTarget.Airflow, "Australia/Lord_Howe", "0 * * * *", "2025-10-04T13:10:00Z", "2025-10-05 00:00+10:30, 2025-10-05 01:00+10:30, 2025-10-05 02:30+11, 2025-10-05 03:00+11")]
    [InlineData(ScheduleTarget.PrefectPython312, "Australia/Lord_Howe", "0 * * * *", "2025-10-04T13:10:00Z", "2025-10-05 00:00+10:30, 2025-10-05 01:00+10:30, 2025-10-05 01:30+10:30, 2025-10-05 03:00+11")]
    [InlineData(ScheduleTarget.PrefectPython313, "Australia/Lord_Howe", "0 * * * *", "2025-10-04T13:10:00Z", "2025-10-05 00:00+10:30, 2025-10-05 01:00+10:30, 2025-10-05 02:30+11, 2025-10-05 03:00+11")]
    [InlineData(ScheduleTarget.Dagster, "Australia/Lord_Howe", "0 * * * *", "2025-10-04T13:10:00Z", "2025-10-05 00:30+10:30, 2025-10-05 01:30+10:30, 2025-10-05 03:00+11, 2025-10-05 04:00+11")]
    [InlineData(ScheduleTarget.DagsterFixed, "Australia/Lord_Howe", "0 * * * *", "2025-10-04T13:10:00Z", "2025-10-05 00:00+10:30, 2025-10-05 01:00+10:30, 2025-10-05 02:30+11, 2025-10-05 03:30+11")]

    // Kathmandu is +05:45: Dagster <= 1.12 fires at :00 (issue #33448).
    [InlineData(ScheduleTarget.Native, "Asia/Kathmandu", "15 * * * *", "2025-06-01T10:10:00Z", "2025-06-01 16:15+05:45, 2025-06-01 17:15+05:45, 2025-06-01 18:15+05:45")]
    [InlineData(ScheduleTarget.Airflow, "Asia/Kathmandu", "15 * * * *", "2025-06-01T10:10:00Z", "2025-06-01 16:15+05:45, 2025-06-01 17:15+05:45, 2025-06-01 18:15+05:45")]
    [InlineData(ScheduleTarget.PrefectPython312, "Asia/Kathmandu", "15 * * * *", "2025-06-01T10:10:00Z", "2025-06-01 16:15+05:45, 2025-06-01 17:15+05:45, 2025-06-01 18:15+05:45")]
    [InlineData(ScheduleTarget.PrefectPython313, "Asia/Kathmandu", "15 * * * *", "2025-06-01T10:10:00Z", "2025-06-01 16:15+05:45, 2025-06-01 17:15+05:45, 2025-06-01 18:15+05:45")]
    [InlineData(ScheduleTarget.Dagster, "Asia/Kathmandu", "15 * * * *", "2025-06-01T10:10:00Z", "2025-06-01 16:00+05:45, 2025-06-01 17:00+05:45, 2025-06-01 18:00+05:45")]
    [InlineData(ScheduleTarget.DagsterFixed, "Asia/Kathmandu", "15 * * * *", "2025-06-01T10:10:00Z", "2025-06-01 16:15+05:45, 2025-06-01 17:15+05:45, 2025-06-01 18:15+05:45")]

    // Kolkata is +05:30: Dagster <= 1.12 fires at :10, :30, :50.
    [InlineData(ScheduleTarget.Native, "Asia/Kolkata", "*/20 * * * *", "2025-06-01T10:10:00Z", "2025-06-01 16:00+05:30, 2025-06-01 16:20+05:30, 2025-06-01 16:40+05:30")]
    [InlineData(ScheduleTarget.Airflow, "Asia/Kolkata", "*/20 * * * *", "2025-06-01T10:10:00Z", "2025-06-01 16:00+05:30, 2025-06-01 16:20+05:30, 2025-06-01 16:40+05:30")]
    [InlineData(ScheduleTarget.PrefectPython312, "Asia/Kolkata", "*/20 * * * *", "2025-06-01T10:10:00Z", "2025-06-01 16:00+05:30, 2025-06-01 16:20+05:30, 2025-06-01 16:40+05:30")]
    [InlineData(ScheduleTarget.PrefectPython313, "Asia/Kolkata", "*/20 * * * *", "2025-06-01T10:10:00Z", "2025-06-01 16:00+05:30, 2025-06-01 16:20+05:30, 2025-06-01 16:40+05:30")]
    [InlineData(ScheduleTarget.Dagster, "Asia/Kolkata", "*/20 * * * *", "2025-06-01T10:10:00Z", "2025-06-01 15:50+05:30, 2025-06-01 16:10+05:30, 2025-06-01 16:30+05:30")]
    [InlineData(ScheduleTarget.DagsterFixed, "Asia/Kolkata", "*/20 * * * *", "2025-06-01T10:10:00Z", "2025-06-01 16:00+05:30, 2025-06-01 16:20+05:30, 2025-06-01 16:40+05:30")]
    public void GetFireTimes_FollowsTheTargetsDstRules_InEachZone(ScheduleTarget target, string zone, string cron, string after, string expected)
    {
        var count = expected.Split(", ").Length;
        Assert.Equal(expected, Fires(target, zone, cron, after, count));
    }

    [Fact]
    public void GetFireTimes_SkipsAndRepeatsByElapsedTime_WhenAirflowHourFieldIsStar()
    {
        // New York, 2025-03-09: "30 * * * *" steps by elapsed hours, so 02:30 EST+1h is 03:30 EDT (ny-gap-h30).
        Assert.Equal(
            "2025-03-09 00:30-05, 2025-03-09 01:30-05, 2025-03-09 03:30-04, 2025-03-09 04:30-04",
            Fires(ScheduleTarget.Airflow, "America/New_York", "30 * * * *", "2025-03-09T05:00:00Z", 4));
    }

    [Fact]
    public void GetFireTimes_MovesGapTimeToGapEnd_WhenNativeHourFieldIsStar()
    {
        // Cronos moves 02:30 (missing on 2025-03-09 in New York) to 03:00 EDT and still fires at 03:30.
        Assert.Equal(
            "2025-03-09 00:30-05, 2025-03-09 01:30-05, 2025-03-09 03:00-04, 2025-03-09 03:30-04",
            Fires(ScheduleTarget.Native, "America/New_York", "30 * * * *", "2025-03-09T05:00:00Z", 4));
    }

    [Fact]
    public void GetFireTimes_TakesFirstPassAtMidnight_WhenDagsterFastPathHitsHavanaFold()
    {
        // Havana, 2025-11-02 01:00 CDT -> 00:00 CST: midnight twice. The daily fast path only looks
        // for folds in hours 1-3, the croniter path (day-of-week range) takes the second pass.
        Assert.Equal("2025-11-02 00:00-04, 2025-11-03 00:00-05", Fires(ScheduleTarget.Dagster, "America/Havana", "0 0 * * *", "2025-11-01T12:00:00Z", 2));
        Assert.Equal("2025-11-02 00:00-05, 2025-11-03 00:00-05", Fires(ScheduleTarget.Dagster, "America/Havana", "0 0 * * 0-5", "2025-11-01T12:00:00Z", 2));
    }

    [Fact]
    public void GetFireTimes_ReturnsAnInstantBeforeTheStart_WhenPrefect312ShiftsAGapTimeBackAcrossIt()
    {
        // After 01:45 EST on 2025-03-09, Prefect <= 3.12 turns the missing 02:30 into 01:30 EST,
        // fifteen minutes BEFORE the start, and get_dates returns it (a run created already late).
        Assert.Equal(
            "2025-03-09 01:30-05, 2025-03-10 02:30-04",
            Fires(ScheduleTarget.PrefectPython312, "America/New_York", "30 2 * * *", "2025-03-09T06:45:00Z", 2));
        Assert.Equal(
            "2025-03-09 03:30-04, 2025-03-10 02:30-04",
            Fires(ScheduleTarget.PrefectPython313, "America/New_York", "30 2 * * *", "2025-03-09T06:45:00Z", 2));
    }

    [Fact]
    public void GetFireTimes_ReturnsEachInstantOnce_WhenPrefectMapsTwoLocalTimesToOne()
    {
        // New York, 2025-03-09: Prefect on Python 3.12 moves 02:00 back to 01:00 EST, which is
        // already a fire time of "0 1,2 * * *"; the duplicate is dropped.
        Assert.Equal(
            "2025-03-09 01:00-05, 2025-03-10 01:00-04, 2025-03-10 02:00-04",
            Fires(ScheduleTarget.PrefectPython312, "America/New_York", "0 1,2 * * *", "2025-03-08T12:00:00Z", 3));
    }
}
