namespace Paperboy.Web;

/// <summary>An author in HF's shape; this hub hides no author.</summary>
public sealed record HfAuthor(string Name)
{
    public bool Hidden => false;
}
