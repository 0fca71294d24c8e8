// One silo process serves every class (LiveServerCollection); classes run one after another so the SDK tests'
// sessions and rate-limit buckets do not compete on a small CI machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
