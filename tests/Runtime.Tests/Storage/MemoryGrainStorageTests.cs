using MindPeeker.Runtime.Storage;
using MindPeeker.Runtime.Storage.Memory;

namespace MindPeeker.Runtime.Tests.Storage;

public sealed class MemoryGrainStorageTests : GrainStorageContractTests
{
    protected override IGrainStorage Storage { get; } = new MemoryGrainStorage();
}
