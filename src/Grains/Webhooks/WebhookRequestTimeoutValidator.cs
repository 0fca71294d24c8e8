using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Grains.Webhooks;

/// <summary>
/// An endpoint being deactivated waits for its running attempts, but only for the silo's
/// <see cref="GrainCollectionOptions.DeactivationTimeout"/>. An attempt may take <see cref="WebhookOptions.RequestTimeout"/>,
/// so that must be the shorter of the two: otherwise an attempt could outlive its activation and write the endpoint's
/// state (failing since, disabled) behind the next activation's back.
/// </summary>
internal sealed class WebhookRequestTimeoutValidator(IOptions<GrainCollectionOptions> collection) : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var deactivationTimeout = collection.Value.DeactivationTimeout;
        return options.RequestTimeout < deactivationTimeout
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Webhooks:RequestTimeout ({options.RequestTimeout}) must be shorter than Silo:GrainCollection:DeactivationTimeout ({deactivationTimeout}): " +
                "a deactivating endpoint waits that long for its running attempts, and an attempt that outlived its activation could change the endpoint behind its successor's back.");
    }
}
