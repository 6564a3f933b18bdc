namespace Paperboy.Community;

public enum SignInLinkState { Valid, ValidNewAccount, Invalid, Expired, Used }
