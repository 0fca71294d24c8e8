namespace MindPeeker.Runtime.Hosting;

/// <summary>A silo's life, as in Orleans' membership protocol. Dead is terminal.</summary>
public enum SiloStatus
{
    None = 0,
    Created = 1,
    Joining = 2,
    Active = 3,
    ShuttingDown = 4,
    Stopping = 5,
    Dead = 6,
}
