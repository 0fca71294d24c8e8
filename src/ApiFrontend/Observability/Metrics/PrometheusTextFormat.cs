using System.Globalization;
using System.Text;

namespace MindPeeker.ApiFrontend.Observability.Metrics;

/// <summary>Writes metric families in the Prometheus text exposition format, version 0.0.4.</summary>
internal static class PrometheusTextFormat
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void Write(StringBuilder output, MetricFamily family, IReadOnlyList<MetricSeries> series)
    {
        if (series.Count == 0)
        {
            return;
        }

        output.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
        output.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Kind switch
        {
            MetricKind.Counter or MetricKind.ObservableCounter => "counter",
            MetricKind.Histogram => "histogram",
            _ => "gauge",
        }).Append('\n');

        foreach (var one in series)
        {
            if (family.Kind != MetricKind.Histogram)
            {
                Sample(output, family.Name, one.Labels, null, one.Value);
                continue;
            }

            long cumulative = 0;
            for (var i = 0; i < family.Bounds.Length; i++)
            {
                cumulative += one.BucketCounts[i];
                Sample(output, family.Name + "_bucket", one.Labels, Number(family.Bounds[i]), cumulative);
            }

            cumulative += one.BucketCounts[^1];
            Sample(output, family.Name + "_bucket", one.Labels, "+Inf", cumulative);
            Sample(output, family.Name + "_sum", one.Labels, null, one.Value);
            Sample(output, family.Name + "_count", one.Labels, null, one.Count);
        }
    }

    private static void Sample(StringBuilder output, string name, KeyValuePair<string, string>[] labels, string? le, double value)
    {
        output.Append(name);
        if (labels.Length > 0 || le is not null)
        {
            output.Append('{');
            var first = true;
            foreach (var (key, text) in labels)
            {
                if (!first)
                {
                    output.Append(',');
                }

                first = false;
                output.Append(key).Append("=\"");
                AppendLabelValue(output, text);
                output.Append('"');
            }

            if (le is not null)
            {
                output.Append(first ? string.Empty : ",").Append("le=\"").Append(le).Append('"');
            }

            output.Append('}');
        }

        output.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static void AppendLabelValue(StringBuilder output, string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => output.Append("\\\\"),
                '"' => output.Append("\\\""),
                '\n' => output.Append("\\n"),
                _ => output.Append(c),
            };
        }
    }

    private static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
