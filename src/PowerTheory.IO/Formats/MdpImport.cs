using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>
/// The result of importing a model file: the document (model, and any rewards the file carried) and notes on what
/// the conversion changed or left out — for example rewards that are not state-based and were dropped. Notes are never
/// empty words: each names what happened and why.
/// </summary>
/// <param name="Document">The imported model and its settings.</param>
/// <param name="Notes">One line per conversion decision the reader made; empty when the file mapped exactly.</param>
public sealed record MdpImport(MdpDocument Document, IReadOnlyList<string> Notes)
{
    /// <summary>The imported model.</summary>
    public Mdp Mdp => Document.Mdp;
}
