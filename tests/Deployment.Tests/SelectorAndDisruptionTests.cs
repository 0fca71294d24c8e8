using MindPeeker.Deployment.Tests.Rendering;

namespace MindPeeker.Deployment.Tests;

/// <summary>Labels and selectors agree: each Deployment owns exactly its pods, and every PodDisruptionBudget guards one Deployment without blocking node drains.</summary>
public sealed class SelectorAndDisruptionTests
{
    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Each_deployment_selects_its_own_pods_and_no_other_deployments(string overlayName)
    {
        var rendered = Overlay.Named(overlayName).Render();
        var problems = new List<string>();
        foreach (var deployment in rendered.Deployments)
        {
            var selector = deployment.Body.At("spec.selector.matchLabels").StringMap();
            if (selector.Count == 0 || !RenderedOverlay.Selects(selector, deployment.PodLabels))
            {
                problems.Add($"{deployment}: spec.selector.matchLabels does not match its own pod template labels (the API rejects it).");
            }

            problems.AddRange(rendered.Deployments.Where(other => other != deployment && RenderedOverlay.Selects(selector, other.PodLabels))
                .Select(other => $"{deployment}'s selector also matches the pods of {other}: both would fight over them."));
        }

        problems.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Every_deployment_has_one_disruption_budget_that_still_lets_a_node_drain(string overlayName)
    {
        var rendered = Overlay.Named(overlayName).Render();
        var problems = new List<string>();
        var guarded = new Dictionary<Manifest, Manifest>();
        foreach (var budget in rendered.OfKind("PodDisruptionBudget"))
        {
            var selected = rendered.DeploymentsSelectedBy(budget.Body.At("spec.selector.matchLabels").StringMap()).ToList();
            if (selected.Count != 1)
            {
                problems.Add($"{budget} selects {selected.Count} Deployments; it must guard exactly one.");
                continue;
            }

            var deployment = selected[0];
            if (!guarded.TryAdd(deployment, budget))
            {
                problems.Add($"{deployment} is guarded by both {guarded[deployment]} and {budget}: eviction fails when two budgets match a pod.");
            }

            var replicas = MinimumReplicas(rendered, deployment);
            var allowed = budget.Body.Map("spec").Integer("maxUnavailable") is { } maxUnavailable
                ? maxUnavailable
                : budget.Body.Map("spec").Integer("minAvailable") is { } minAvailable ? replicas - minAvailable : 0;
            if (allowed < 1)
            {
                problems.Add($"{budget} allows {allowed} of {replicas} pods of {deployment} to be evicted: node drains would hang.");
            }
        }

        problems.AddRange(rendered.Deployments.Where(deployment => !guarded.ContainsKey(deployment))
            .Select(deployment => $"{deployment} has no PodDisruptionBudget: a node drain could take all its pods at once."));
        problems.Should().BeEmpty();
    }

    /// <summary>The replicas a Deployment runs with at least: its HPA's minimum where one targets it, else spec.replicas (default 1).</summary>
    internal static long MinimumReplicas(RenderedOverlay rendered, Manifest deployment)
    {
        var autoscaler = rendered.OfKind("HorizontalPodAutoscaler")
            .FirstOrDefault(hpa => hpa.Body.At("spec.scaleTargetRef").Text("name") == deployment.Name);
        return autoscaler?.Body.Map("spec").Integer("minReplicas") ?? deployment.Body.Map("spec").Integer("replicas") ?? 1;
    }
}
