namespace Paperboy.Ingest;

/// <summary>Papers new, updated, unchanged and rejected; plus featured rows added or moved to an earlier day.</summary>
public readonly record struct ImportCounts(int New, int Updated, int Unchanged, int Rejected, int Featured = 0)
{
    public int Papers => New + Updated + Unchanged;
    public int Total => Papers + Rejected;

    public static ImportCounts operator +(ImportCounts a, ImportCounts b) =>
        new(a.New + b.New, a.Updated + b.Updated, a.Unchanged + b.Unchanged, a.Rejected + b.Rejected, a.Featured + b.Featured);

    public override string ToString() => $"{New} new, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected";
}
