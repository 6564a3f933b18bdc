namespace Paperboy.Domain;

/// <summary>The LaTeX commands common in abstracts and the Unicode that shows them.</summary>
internal static class LatexSymbols
{
    static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ϵ", ["varepsilon"] = "ε",
        ["zeta"] = "ζ", ["eta"] = "η", ["theta"] = "θ", ["vartheta"] = "ϑ", ["iota"] = "ι", ["kappa"] = "κ",
        ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν", ["xi"] = "ξ", ["pi"] = "π", ["rho"] = "ρ", ["sigma"] = "σ",
        ["tau"] = "τ", ["upsilon"] = "υ", ["phi"] = "ϕ", ["varphi"] = "φ", ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω",
        ["Gamma"] = "Γ", ["Delta"] = "Δ", ["Theta"] = "Θ", ["Lambda"] = "Λ", ["Xi"] = "Ξ", ["Pi"] = "Π",
        ["Sigma"] = "Σ", ["Upsilon"] = "Υ", ["Phi"] = "Φ", ["Psi"] = "Ψ", ["Omega"] = "Ω",
        ["times"] = "×", ["cdot"] = "·", ["cdots"] = "⋯", ["ldots"] = "…", ["dots"] = "…", ["pm"] = "±", ["mp"] = "∓",
        ["leq"] = "≤", ["le"] = "≤", ["geq"] = "≥", ["ge"] = "≥", ["neq"] = "≠", ["ne"] = "≠", ["approx"] = "≈",
        ["sim"] = "∼", ["simeq"] = "≃", ["equiv"] = "≡", ["propto"] = "∝", ["ll"] = "≪", ["gg"] = "≫",
        ["infty"] = "∞", ["to"] = "→", ["rightarrow"] = "→", ["leftarrow"] = "←", ["Rightarrow"] = "⇒",
        ["leftrightarrow"] = "↔", ["mapsto"] = "↦", ["in"] = "∈", ["notin"] = "∉", ["subset"] = "⊂", ["subseteq"] = "⊆",
        ["cup"] = "∪", ["cap"] = "∩", ["emptyset"] = "∅", ["forall"] = "∀", ["exists"] = "∃", ["neg"] = "¬",
        ["wedge"] = "∧", ["vee"] = "∨", ["sum"] = "∑", ["prod"] = "∏", ["int"] = "∫", ["partial"] = "∂",
        ["nabla"] = "∇", ["ell"] = "ℓ", ["hbar"] = "ℏ", ["circ"] = "∘", ["star"] = "⋆", ["ast"] = "∗",
        ["langle"] = "⟨", ["rangle"] = "⟩", ["lceil"] = "⌈", ["rceil"] = "⌉", ["lfloor"] = "⌊", ["rfloor"] = "⌋",
        ["log"] = "log", ["ln"] = "ln", ["exp"] = "exp", ["min"] = "min", ["max"] = "max", ["sin"] = "sin",
        ["cos"] = "cos", ["lim"] = "lim", ["arg"] = "arg", ["det"] = "det", ["sup"] = "sup", ["inf"] = "inf",
        ["top"] = "⊤", ["perp"] = "⊥", ["mid"] = "|", ["vert"] = "|", ["Vert"] = "‖", ["prime"] = "′", ["deg"] = "°",
        ["%"] = "%", ["textasciitilde"] = "~",
    };

    public static string? Find(string name) => Symbols.GetValueOrDefault(name);

    /// <summary>How a font command styles capital letters (<c>\mathcal{O}</c> → 𝒪, <c>\mathbb{R}</c> → ℝ), or null to keep them.</summary>
    public static Func<char, string?>? LetterMap(string font) => font switch
    {
        "mathcal" or "mathscr" => c => Script.GetValueOrDefault(c) ?? char.ConvertFromUtf32(0x1D49C + (c - 'A')),
        "mathbb" => c => DoubleStruck.GetValueOrDefault(c) ?? char.ConvertFromUtf32(0x1D538 + (c - 'A')),
        "mathfrak" => c => Fraktur.GetValueOrDefault(c) ?? char.ConvertFromUtf32(0x1D504 + (c - 'A')),
        _ => null,
    };

    // Letters Unicode placed in the Letterlike Symbols block, leaving holes in the mathematical alphabets.
    static readonly Dictionary<char, string> Script = new()
    {
        ['B'] = "ℬ", ['E'] = "ℰ", ['F'] = "ℱ", ['H'] = "ℋ", ['I'] = "ℐ", ['L'] = "ℒ", ['M'] = "ℳ", ['R'] = "ℛ",
    };
    static readonly Dictionary<char, string> DoubleStruck = new()
    {
        ['C'] = "ℂ", ['H'] = "ℍ", ['N'] = "ℕ", ['P'] = "ℙ", ['Q'] = "ℚ", ['R'] = "ℝ", ['Z'] = "ℤ",
    };
    static readonly Dictionary<char, string> Fraktur = new()
    {
        ['C'] = "ℭ", ['H'] = "ℌ", ['I'] = "ℑ", ['R'] = "ℜ", ['Z'] = "ℨ",
    };
}
