using System.Text;
using Paperboy.Search.Meaning;

namespace Paperboy.Tests.Search.Meaning;

/// <summary>The model's tokenizer strips accents as BERT's uncased tokenizer does, so "café" and "cafe" are the same words to search by meaning.</summary>
public class WordPieceTokenizerTests
{
    static readonly WordPieceTokenizer Tokenizer = new(new MemoryStream(Encoding.UTF8.GetBytes(
        string.Join('\n', "[PAD]", "[UNK]", "[CLS]", "[SEP]", "cafe", "naive", "bayes", "godel", "s", "theorem", "##s"))));

    [Theory]
    [InlineData("Café", "cafe")]
    [InlineData("Naïve Bayes", "naive bayes")]
    [InlineData("Gödel's theorems", "godel's theorems")]
    public void AccentedWordsAreTheWordsWithoutTheirAccents(string accented, string plain) =>
        Assert.Equal(Tokenizer.Encode(plain, 32), Tokenizer.Encode(accented, 32));

    [Fact]
    public void AnAccentedWordIsNotUnknown() =>
        Assert.DoesNotContain(Tokenizer.UnkId, Tokenizer.Encode("café", 32));
}
