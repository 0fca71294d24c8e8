using Microsoft.Extensions.Options;

namespace MindPeeker.Runtime.Messaging;

/// <summary>Cross-field checks of <see cref="TransportOptions"/> that data annotations cannot express.</summary>
internal sealed class TransportOptionsValidator : IValidateOptions<TransportOptions>
{
    public ValidateOptionsResult Validate(string? name, TransportOptions options) =>
        options.MinReconnectBackoff > options.MaxReconnectBackoff
            ? ValidateOptionsResult.Fail($"Silo:Transport:MinReconnectBackoff ({options.MinReconnectBackoff}) is above MaxReconnectBackoff ({options.MaxReconnectBackoff}).")
            : ValidateOptionsResult.Success;
}
