using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace MindPeeker.Runtime.Storage.PostgreSql;

/// <summary>
/// The ordered migrations of one component. Usually loaded with <see cref="FromEmbeddedResources"/>
/// from <c>NNNN_name.sql</c> files embedded in the component's assembly. Immutable.
/// </summary>
public sealed partial class SchemaMigrationSet
{
    public SchemaMigrationSet(string component, IEnumerable<SchemaMigration> migrations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        ArgumentNullException.ThrowIfNull(migrations);
        var ordered = migrations.OrderBy(m => m.Version).ToArray();
        if (ordered.Length == 0)
        {
            throw new ArgumentException($"The migration set of '{component}' is empty.", nameof(migrations));
        }

        foreach (var migration in ordered)
        {
            if (!string.Equals(migration.Component, component, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Migration {migration} does not belong to component '{component}'.", nameof(migrations));
            }
        }

        var duplicate = ordered.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Component '{component}' has more than one migration with version {duplicate.Key}.", nameof(migrations));
        }

        Component = component;
        Migrations = ordered;
    }

    public string Component { get; }

    /// <summary>The migrations in ascending version order.</summary>
    public IReadOnlyList<SchemaMigration> Migrations { get; }

    /// <summary>
    /// Loads every embedded resource of <paramref name="assembly"/> whose name starts with
    /// <paramref name="resourcePrefix"/> (for example <c>MyApp.Users.Migrations.</c>) and ends with
    /// <c>.sql</c>; the rest of the name must read <c>NNNN_name.sql</c>, where NNNN is the version.
    /// </summary>
    public static SchemaMigrationSet FromEmbeddedResources(string component, Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(resourcePrefix);
        var migrations = new List<SchemaMigration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(resourcePrefix, StringComparison.Ordinal)
                || !resource.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var match = FileNamePattern().Match(resource[resourcePrefix.Length..]);
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"Embedded migration '{resource}' is not named NNNN_name.sql after the prefix '{resourcePrefix}'.");
            }

            var version = int.Parse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            migrations.Add(new SchemaMigration(component, version, match.Groups["name"].Value, ReadResource(assembly, resource)));
        }

        if (migrations.Count == 0)
        {
            throw new InvalidOperationException(
                $"No embedded resources named '{resourcePrefix}NNNN_name.sql' in {assembly.GetName().Name}.");
        }

        return new SchemaMigrationSet(component, migrations);
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' cannot be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>[0-9]{1,9})_(?<name>[A-Za-z0-9_\-]+)\.sql$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
