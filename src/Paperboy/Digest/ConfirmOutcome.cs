namespace Paperboy.Digest;

/// <summary>What following a confirmation link does (or would do).</summary>
public enum ConfirmOutcome
{
    /// <summary>Valid and not yet used: confirming now (or, for a GET, it can be).</summary>
    Confirmable,
    Confirmed,
    AlreadyConfirmed,
    Expired,
    /// <summary>Signed by us, but superseded: the subscription was confirmed and later cancelled.</summary>
    Used,
    /// <summary>Not a link we signed (tampered with, or cut short).</summary>
    Invalid,
}
