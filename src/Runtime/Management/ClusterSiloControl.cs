using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Cluster.Routing;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Management;

/// <summary>
/// Silo control across a cluster: every Joining, Active or ShuttingDown silo of the membership table is asked in
/// parallel with a <c>$control</c> system request over its connection (the local silo, when this process is one,
/// runs its handler directly). Each silo gets <see cref="SiloControlOptions.AnswerTimeout"/>.
/// </summary>
internal sealed class ClusterSiloControl(
    IClusterMembershipService membership,
    Func<SiloAddress, CancellationToken, ValueTask<IMessageConnection>> connect,
    SiloAddress? localSilo,
    SiloControlHandlers? localHandlers,
    IOptions<SiloControlOptions> options,
    TimeProvider time,
    ILogger logger) : ISiloControl
{
    public async Task<IReadOnlyList<SiloControlAnswer>> AskAllAsync(string name, JsonElement argument, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var silos = membership.CurrentSnapshot.Entries.Values
            .Where(e => e.Status is SiloStatus.Active or SiloStatus.ShuttingDown or SiloStatus.Joining)
            .OrderBy(e => e.Address.ToString(), StringComparer.Ordinal)
            .ToList();
        var body = argument.ValueKind == JsonValueKind.Undefined ? "null"u8.ToArray() : JsonSerializer.SerializeToUtf8Bytes(argument);
        return await Task.WhenAll(silos.Select(entry => AskAsync(entry, name, argument, body, cancellationToken))).ConfigureAwait(false);
    }

    private async Task<SiloControlAnswer> AskAsync(MembershipEntry entry, string name, JsonElement argument, byte[] body, CancellationToken cancellationToken)
    {
        var silo = entry.Address.ToString();
        var timeout = options.Value.AnswerTimeout;
        if (localHandlers is not null && entry.Address.Equals(localSilo))
        {
            using var expiry = new CancellationTokenSource(timeout, time);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
            var handled = localHandlers.HandleAsync(name, argument, deadline.Token);
            var finished = await Task.WhenAny(handled, Task.Delay(timeout, time, cancellationToken)).ConfigureAwait(false);
            if (finished != handled)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return NotAnswered(entry, name, $"The silo did not answer within {timeout.TotalSeconds:0.###} s.");
            }

            var outcome = await handled.ConfigureAwait(false);
            return new SiloControlAnswer(silo, entry.SiloName, true, outcome.Result, outcome.Error);
        }

        try
        {
            var connection = await connect(entry.Address, cancellationToken).ConfigureAwait(false);
            var request = new Message { Kind = MessageKind.Request, InterfaceName = SystemRequests.Control, MethodName = name, Body = body };
            var response = await connection.SendRequestAsync(request, timeout, cancellationToken).ConfigureAwait(false);
            return response.Status switch
            {
                ResponseStatus.Ok => new SiloControlAnswer(silo, entry.SiloName, true, JsonSerializer.Deserialize<JsonElement>(response.Body.Span), null),
                ResponseStatus.Exception => new SiloControlAnswer(silo, entry.SiloName, true, null, Encoding.UTF8.GetString(response.Body.Span)),
                _ => NotAnswered(entry, name, $"The silo answered {response.Status}: {Encoding.UTF8.GetString(response.Body.Span)}"),
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return NotAnswered(entry, name, exception is TimeoutException or OperationCanceledException
                ? $"The silo did not answer within {timeout.TotalSeconds:0.###} s."
                : exception.Message);
        }
    }

    private SiloControlAnswer NotAnswered(MembershipEntry entry, string name, string reason)
    {
        ManagementLog.SiloDidNotAnswer(logger, entry.Address.ToString(), name, reason);
        return new SiloControlAnswer(entry.Address.ToString(), entry.SiloName, false, null, reason);
    }
}
