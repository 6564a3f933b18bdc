namespace Paperboy.Storage;

public enum OutboxKind
{
    Digest = 0,
    Confirmation = 1,
}
