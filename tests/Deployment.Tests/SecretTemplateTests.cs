using MindPeeker.Deployment.Tests.Rendering;

namespace MindPeeker.Deployment.Tests;

/// <summary>
/// The Secret is a template operators fill outside the repository: it never carries a real value, no kustomization
/// applies it (an apply would overwrite the real Secret with placeholders), and it lists exactly what the pods read.
/// </summary>
public sealed class SecretTemplateTests
{
    [Fact]
    public void Template_values_are_all_placeholders()
    {
        var template = SecretTemplate.Load();
        template.Kind.Should().Be("Secret");
        template.Body.Has("data").Should().BeFalse($"{SecretTemplate.RelativePath} uses stringData so the placeholders are readable");

        var values = template.Body.Map("stringData") ?? [];
        values.Should().NotBeEmpty();
        var problems = values.Where(pair => pair.Value is not string text || !text.Contains(SecretTemplate.Placeholder, StringComparison.Ordinal))
            .Select(pair => $"{SecretTemplate.RelativePath}: {pair.Key} must be a {SecretTemplate.Placeholder} placeholder, never a real value.")
            .ToList();
        problems.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Overlay_never_applies_a_secret(string overlayName)
    {
        var rendered = Overlay.Named(overlayName).Render();

        rendered.OfKind("Secret").Select(secret => secret.ToString()).Should().BeEmpty(
            $"{rendered} would overwrite the operator's Secret on every kubectl apply -k");
    }

    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Every_template_key_is_read_by_some_pod(string overlayName)
    {
        var rendered = Overlay.Named(overlayName).Render();
        var template = SecretTemplate.Load();
        var read = rendered.Deployments.SelectMany(deployment => deployment.Containers)
            .SelectMany(container => container.Maps("env"))
            .Select(variable => variable.At("valueFrom.secretKeyRef"))
            .Where(reference => reference.Text("name") == template.Name)
            .Select(reference => reference.Text("key"))
            .ToHashSet(StringComparer.Ordinal);

        (template.Body.Map("stringData") ?? []).Keys.Where(key => !read.Contains(key))
            .Select(key => $"{SecretTemplate.RelativePath}: key {key} is read by no container in {rendered}: operators would fill a value nothing uses.")
            .Should().BeEmpty();
    }
}
