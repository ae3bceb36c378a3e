// Each spec runs its own daemon; two at a time keeps timing specs honest on a 2-core machine.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
