using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>What <see cref="MdpFormats.Save"/> wrote.</summary>
/// <param name="Files">The files written, main file first.</param>
/// <param name="Notes">What the format could not keep (state names, discount, reward law, rewards, labels).</param>
/// <param name="Removed">Companion files of an earlier export that this one does not write and therefore removed
/// (a PRISM <c>.lab</c> or <c>.srew</c> that would otherwise be read with the new <c>.tra</c>).</param>
public sealed record MdpSaveResult(IReadOnlyList<string> Files, IReadOnlyList<string> Notes, IReadOnlyList<string> Removed);
