using MindPeeker.Deployment.Tests.Rendering;

namespace MindPeeker.Deployment.Tests;

/// <summary>k8s/base/secret.template.yaml: the Secret every overlay expects operators to create, with placeholder values.</summary>
internal static class SecretTemplate
{
    public const string RelativePath = "k8s/base/secret.template.yaml";
    public const string Placeholder = "REPLACE_ME";

    public static Manifest Load()
    {
        var documents = YamlDocuments.Load(RepositoryFiles.FullPath(RelativePath));
        documents.Should().ContainSingle($"{RelativePath} declares exactly the one Secret the pods read");
        return new Manifest(documents[0], RelativePath);
    }
}
