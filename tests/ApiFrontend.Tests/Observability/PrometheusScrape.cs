using System.Globalization;
using System.Text.RegularExpressions;

namespace MindPeeker.ApiFrontend.Tests.Observability;

/// <summary>One sample line: metric name, labels, value.</summary>
internal sealed record ScrapeSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>One metric family: the <c># TYPE</c> and <c># HELP</c> lines and the samples that follow them.</summary>
internal sealed record ScrapeFamily(string Name, string Type, string Help, List<ScrapeSample> Samples);

/// <summary>
/// A strict reader of the Prometheus text exposition format 0.0.4, as a scraper would read it: every line is a
/// <c># HELP</c>, a <c># TYPE</c> or a sample; each family's HELP and TYPE come before its samples; samples belong to
/// the family announced last (histograms by their <c>_bucket</c>/<c>_sum</c>/<c>_count</c> suffixes). What does not
/// fit is collected in <see cref="Problems"/>.
/// </summary>
internal sealed partial class PrometheusScrape
{
    private PrometheusScrape()
    {
    }

    public Dictionary<string, ScrapeFamily> Families { get; } = new(StringComparer.Ordinal);

    public List<string> Problems { get; } = [];

    public IEnumerable<ScrapeSample> Samples => Families.Values.SelectMany(f => f.Samples);

    public static PrometheusScrape Parse(string text)
    {
        var scrape = new PrometheusScrape();
        ScrapeFamily? current = null;
        string? pendingHelp = null;
        string? pendingHelpName = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (HelpLine().Match(line) is { Success: true } help)
            {
                pendingHelpName = help.Groups["name"].Value;
                pendingHelp = help.Groups["help"].Value;
                continue;
            }

            if (TypeLine().Match(line) is { Success: true } type)
            {
                var name = type.Groups["name"].Value;
                if (pendingHelpName != name)
                {
                    scrape.Problems.Add($"# TYPE {name} without a # HELP line for it just before");
                }

                if (scrape.Families.ContainsKey(name))
                {
                    scrape.Problems.Add($"family {name} announced twice");
                }

                current = new ScrapeFamily(name, type.Groups["type"].Value, pendingHelp ?? string.Empty, []);
                scrape.Families[name] = current;
                continue;
            }

            if (SampleLine().Match(line) is not { Success: true } sample)
            {
                scrape.Problems.Add($"not a valid line: {line}");
                continue;
            }

            var sampleName = sample.Groups["name"].Value;
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match label in LabelPair().Matches(sample.Groups["labels"].Value))
            {
                labels[label.Groups["key"].Value] = label.Groups["value"].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
            }

            var value = sample.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                var number => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            if (current is null || !Belongs(current, sampleName))
            {
                scrape.Problems.Add($"sample {sampleName} outside its family (current: {current?.Name ?? "none"})");
                continue;
            }

            current.Samples.Add(new ScrapeSample(sampleName, labels, value));
        }

        return scrape;
    }

    private static bool Belongs(ScrapeFamily family, string sampleName) => family.Type == "histogram"
        ? sampleName == family.Name + "_bucket" || sampleName == family.Name + "_sum" || sampleName == family.Name + "_count"
        : sampleName == family.Name;

    [GeneratedRegex(@"^# HELP (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<help>.*)$")]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"^# TYPE (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<type>counter|gauge|histogram|summary|untyped)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>([a-zA-Z_][a-zA-Z0-9_]*=""([^""\\]|\\.)*"",?)*)\})? (?<value>[-+]?([0-9.]+([eE][-+]?[0-9]+)?|Inf)|NaN)$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>([^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
