namespace Paperboy.Search.Meaning;

/// <summary>A fixed-size min-heap of the best-scoring slots seen (the hot loop checks <see cref="Floor"/> first).</summary>
sealed class TopSlots(int k)
{
    readonly PriorityQueue<int, float> _heap = new(k + 1);

    /// <summary>The score a slot must beat to get in.</summary>
    public float Floor { get; private set; } = float.NegativeInfinity;

    public void Offer(int slot, float score)
    {
        if (_heap.Count < k)
        {
            _heap.Enqueue(slot, score);
            if (_heap.Count == k) Floor = PeekScore();
        }
        else if (score > Floor)
        {
            _heap.EnqueueDequeue(slot, score);
            Floor = PeekScore();
        }
    }

    public IEnumerable<int> Slots => _heap.UnorderedItems.Select(x => x.Element);

    float PeekScore() => _heap.TryPeek(out _, out var score) ? score : float.NegativeInfinity;
}
