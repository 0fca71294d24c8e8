using MindPeeker.Grains.Abstractions.Integrations;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Integrations;

/// <summary>A user's integrations for listing: reads the table; holds no state, so any activation answers alike.</summary>
internal sealed class UserIntegrationsGrain(NpgsqlDataSource dataSource) : Grain, IUserIntegrationsGrain
{
    private readonly IntegrationStore _store = new(dataSource);

    public Task<IntegrationPage> List(int limit, Guid? startingAfter) => _store.ListAsync(this.GetPrimaryKey(), limit, startingAfter);
}
