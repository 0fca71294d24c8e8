namespace MindPeeker.Deployment.Tests.Rendering;

/// <summary>The objects one overlay renders to, with lookups by the roles the tests care about.</summary>
internal sealed class RenderedOverlay(Overlay overlay, IReadOnlyList<Manifest> objects)
{
    public const string ComponentLabel = "app.kubernetes.io/component";
    public const string SiloRoleLabel = "mindpeeker.io/silo-role";

    public Overlay Overlay { get; } = overlay;

    public IReadOnlyList<Manifest> Objects { get; } = objects;

    public IEnumerable<Manifest> OfKind(string kind) => Objects.Where(manifest => manifest.Kind == kind);

    public IEnumerable<Manifest> Deployments => OfKind("Deployment");

    public IEnumerable<Manifest> FrontEnds => Deployments.Where(deployment => deployment.PodLabels.GetValueOrDefault(ComponentLabel) == "frontend");

    public IEnumerable<Manifest> Silos => Deployments.Where(deployment => deployment.PodLabels.GetValueOrDefault(ComponentLabel) == "silo");

    public IEnumerable<Manifest> SilosWithRole(string role) => Silos.Where(silo => silo.PodLabels.GetValueOrDefault(SiloRoleLabel) == role);

    public Manifest? Find(string kind, string name) => Objects.SingleOrDefault(manifest => manifest.Kind == kind && manifest.Name == name);

    /// <summary>Deployments whose pod labels satisfy <paramref name="selector"/> (matchLabels semantics).</summary>
    public IEnumerable<Manifest> DeploymentsSelectedBy(IReadOnlyDictionary<string, string> selector) =>
        selector.Count == 0 ? [] : Deployments.Where(deployment => Selects(selector, deployment.PodLabels));

    public static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    public override string ToString() => $"overlay {Overlay.Name}";
}
