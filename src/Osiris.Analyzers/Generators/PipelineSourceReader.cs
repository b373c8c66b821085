using System;
using System.Security.Cryptography;
using System.Text;
using Osiris.Oml;
using Osiris.Oml.Descriptors;

namespace Osiris.Analyzers.Generators;

/// <summary>Turns the engine's analysis of one file into the generator's <see cref="PipelineSource"/>.</summary>
internal static class PipelineSourceReader
{
    /// <summary>The pipeline of <paramref name="analysis"/>, or null when the file holds no named pipeline.</summary>
    public static PipelineSource? Read(OmlFileAnalysis analysis, string text, string? projectDirectory)
    {
        if (analysis.Pipeline is not { } model || string.IsNullOrEmpty(model.Name))
        {
            return null;
        }

        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var relative = RelativePath(analysis.FilePath, projectDirectory);
        return new PipelineSource(
            relative,
            model.Name!,
            model.Description,
            Hash(normalized),
            GeneratedPipeline.ToJson(model with { SourcePath = relative }),
            analysis.HasErrors);
    }

    /// <summary>The path relative to the project folder with <c>/</c> separators (the file name alone when outside it).</summary>
    public static string RelativePath(string path, string? projectDirectory)
    {
        var normalized = path.Replace('\\', '/');
        if (!string.IsNullOrEmpty(projectDirectory))
        {
            var root = projectDirectory!.Replace('\\', '/');
            if (!root.EndsWith("/", StringComparison.Ordinal))
            {
                root += "/";
            }

            if (normalized.StartsWith(root, StringComparison.OrdinalIgnoreCase))
            {
                return normalized.Substring(root.Length);
            }
        }

        // Never an absolute path in generated code: the file name keeps the output the same on every machine.
        var slash = normalized.LastIndexOf('/');
        return slash >= 0 ? normalized.Substring(slash + 1) : normalized;
    }

    private static string Hash(string text)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var builder = new StringBuilder("sha256:", 7 + 64);
        foreach (var b in bytes)
        {
            builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
