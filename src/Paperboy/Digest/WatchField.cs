namespace Paperboy.Digest;

/// <summary>Where a clause looks: anywhere (title, abstract, authors, categories), author names, or categories.</summary>
public enum WatchField { Any, Author, Category }
