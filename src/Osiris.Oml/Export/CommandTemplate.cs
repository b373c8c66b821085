using System;
using System.Collections.Generic;
using System.Text;

namespace Osiris.Oml.Export;

/// <summary>One piece of a command argument: literal text, or a value known only when the run starts.</summary>
internal readonly record struct CommandPart(string Text, bool IsPlaceholder);

/// <summary>
/// A command of <see cref="ExportOptions"/> as argument pieces. The pipeline path is filled in at export
/// time; <c>{window_start}</c> and <c>{window_end}</c> stay placeholders that the exported code fills
/// from the run. Arguments go to the process as a list, never through a shell or a template engine.
/// </summary>
internal static class CommandTemplate
{
    public const string WindowStart = "window_start";
    public const string WindowEnd = "window_end";

    /// <summary>The arguments of <paramref name="template"/>, each a list of parts.</summary>
    /// <exception cref="ArgumentException">The template names an unknown placeholder or leaves a brace open.</exception>
    public static List<List<CommandPart>> Parse(string template, string pipelinePath, bool allowWindow)
    {
        var result = new List<List<CommandPart>>();
        foreach (var token in template.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = new List<CommandPart>();
            var literal = new StringBuilder();
            for (var i = 0; i < token.Length; i++)
            {
                var c = token[i];
                if ((c == '{' || c == '}') && i + 1 < token.Length && token[i + 1] == c)
                {
                    literal.Append(c);
                    i++;
                    continue;
                }

                if (c == '}')
                {
                    throw new ArgumentException($"The command '{template}' has an unmatched '}}'; write '}}}}' for a literal brace.");
                }

                if (c != '{')
                {
                    literal.Append(c);
                    continue;
                }

                var close = token.IndexOf('}', i + 1);
                if (close < 0)
                {
                    throw new ArgumentException($"The command '{template}' has an unmatched '{{'; write '{{{{' for a literal brace.");
                }

                var name = token.Substring(i + 1, close - i - 1);
                i = close;
                if (name == "pipeline")
                {
                    literal.Append(pipelinePath);
                }
                else if (allowWindow && name is WindowStart or WindowEnd)
                {
                    if (literal.Length > 0)
                    {
                        parts.Add(new CommandPart(literal.ToString(), false));
                        literal.Clear();
                    }

                    parts.Add(new CommandPart(name, true));
                }
                else
                {
                    throw new ArgumentException($"The command '{template}' names '{{{name}}}'; use {{pipeline}}" + (allowWindow ? ", {window_start} or {window_end}." : "."));
                }
            }

            if (literal.Length > 0 || parts.Count == 0)
            {
                parts.Add(new CommandPart(literal.ToString(), false));
            }

            result.Add(parts);
        }

        return result;
    }
}
