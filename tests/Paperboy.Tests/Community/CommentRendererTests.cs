using Paperboy.Community;

namespace Paperboy.Tests.Community;

public class CommentRendererTests
{
    [Theory]
    [InlineData("plain *words*", "<p>plain <em>words</em></p>\n")]
    [InlineData("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n")]
    [InlineData("<b>unclosed", "<p>&lt;b&gt;unclosed</p>\n")]
    [InlineData("[site](https://example.org)", "<p><a href=\"https://example.org\" rel=\"nofollow ugc\">site</a></p>\n")]
    [InlineData("[x](javascript:alert(1))", "<p>x</p>\n")]
    [InlineData("[x]( JaVaScRiPt:alert(1))", "<p>x</p>\n")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>x</p>\n")]
    [InlineData("![pic](https://example.org/p.png)", "<p><a href=\"https://example.org/p.png\" rel=\"nofollow ugc\">pic</a></p>\n")]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n")]
    [InlineData("see https://arxiv.org/abs/2409.01234", "<p>see <a href=\"https://arxiv.org/abs/2409.01234\" rel=\"nofollow ugc\">https://arxiv.org/abs/2409.01234</a></p>\n")]
    public void MarkdownBecomesSafeHtml(string markdown, string html) => Assert.Equal(html, CommentRenderer.ToHtml(markdown));
}
