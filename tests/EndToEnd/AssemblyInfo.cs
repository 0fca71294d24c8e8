// Each test runs a cluster of real processes; on a small CI machine two clusters at once would compete for the cores
// and blur the timing bounds the tests assert (failure detection, 503 windows), so the classes run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
