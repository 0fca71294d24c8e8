using Microsoft.Extensions.Hosting;

namespace MindPeeker.Grains.Secrets;

/// <summary>
/// Key rotation, automatic at start: once the silo has started (grains callable, migrations applied), runs
/// <see cref="RotateAsync"/> once in the background to re-encrypt what is sealed under another master-key version than
/// the active one. Old keys must stay configured until the pass has finished (the subclass logs it); a failure leaves
/// that secret under its old key for the next start. Stopping the host cancels the pass. One subclass per kind of secret.
/// </summary>
internal abstract class StartupKeyRotation : IHostedLifecycleService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task<int> _rotation = Task.FromResult(0);

    /// <summary>Completes with the number of re-encrypted secrets once the start-up pass has finished.</summary>
    public Task<int> Completion => _rotation;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _rotation = Task.Run(() => RotateAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _rotation.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping ends the pass; the next start rotates what is left.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        _stopping.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>One pass over the secrets under old key versions; answers how many were re-encrypted.</summary>
    public abstract Task<int> RotateAsync(CancellationToken cancellationToken);
}
