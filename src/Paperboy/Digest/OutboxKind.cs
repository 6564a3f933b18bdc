namespace Paperboy.Digest;

public enum OutboxKind
{
    Digest = 0,
    Confirmation = 1,
}
