// One real silo with Kestrel and one Chromium per fixture; the classes run one after another so two browsers and
// two silos never compete for the cores of a small CI machine (live numbers are waited for, but less noisily).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
