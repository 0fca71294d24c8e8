// Every test starts several silo processes; run one test at a time so they do not starve each other of the CPU.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
