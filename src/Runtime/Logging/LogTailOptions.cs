using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;

namespace MindPeeker.Runtime.Logging;

/// <summary>
/// The live log tail kept in memory on every silo and front end (section <c>Dashboard:LogTail</c>, validated on start).
/// </summary>
public sealed class LogTailOptions
{
    public const string SectionName = "Dashboard:LogTail";

    /// <summary>How many entries the ring buffer keeps; older ones are overwritten. Default 2,000 (about 1–2 MB).</summary>
    [Range(10, 100_000)]
    public int Capacity { get; set; } = 2_000;

    /// <summary>
    /// The lowest level kept. Entries below it are never formatted (the logger reports itself disabled for them).
    /// Default <see cref="LogLevel.Information"/>; the logging configuration's own filters apply as well.
    /// </summary>
    public LogLevel MinimumLevel { get; set; } = LogLevel.Information;
}
