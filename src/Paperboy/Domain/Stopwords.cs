using System.Collections.Frozen;

namespace Paperboy.Domain;

/// <summary>
/// Words that end a keyphrase (as in RAKE): English function words, and the verbs and adjectives abstracts are written
/// in ("we propose a novel ... that achieves state-of-the-art ..."), which are never part of a term a reader searches for.
/// </summary>
static class Stopwords
{
    public static readonly FrozenSet<string> All = FrozenSet.ToFrozenSet(
        """
        a about above across after again against all almost along already also although always am among an and another any
        are around as at be because been before being below between both but by can cannot could did do does doing done
        down during each either else enough especially even ever every few for from further had has have having he her here
        hers him his how however i if in into is it its itself just least less let like many may me might more most much
        must my neither no nor not now of off often on once one only onto or other others otherwise our ours out over own
        per perhaps rather same several she should since so some such than that the their theirs them themselves then there
        thereby therefore these they this those though through throughout thus to together too toward towards under until
        up upon us very via was we well were what whatever when where whereas whether which while who whom whose why will
        with within without would yet you your
        able accordingly achieve achieved achieves achieving additionally address addressed addresses addressing allow allows
        allowing approach approaches based benefit better broad called can't capable challenge challenges challenging
        commonly compared comparable competitive comprehensive conduct conducted consistently considerable crucial
        current currently demonstrate demonstrated demonstrates demonstrating design designed despite develop developed
        different difficult directly due effective effectively efficiency efficient efficiently empirical empirically
        enable enabled enables enabling ensure ensures especially establish evaluate evaluated evaluates evaluating evaluation
        evidence existing experiment experiments experimental explore explores extensive extensively finally findings first
        focus focuses following furthermore given good great help helps high higher highly however identify illustrate
        important improve improved improves improving include includes including increase increased increasingly indeed
        instead introduce introduced introduces introducing investigate investigates key known large-scale larger leading
        leverage leverages leveraging limited lower main mainly making moreover namely new notably novel numerous observe
        obtain obtained offer offers outperform outperforming outperforms overall paper particular particularly present
        presented presents previous previously primarily promising propose proposed proposes provide provided provides
        providing recent recently reduce reduced reduces reducing remain remains require required requires respectively
        result resulting results reveal reveals robust second secondly show showed showing shown shows significant
        significantly similar simple simultaneously specific specifically state-of-the-art still strong study studies
        substantial substantially success successfully suggest suggests superior third three two typically understanding
        surpass surpasses surpassing brings bring boosting unleashing type types
        use used uses using usually various versus whole widely work works yield yields
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
