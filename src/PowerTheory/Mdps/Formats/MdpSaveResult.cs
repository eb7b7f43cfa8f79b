namespace PowerTheory.Mdps.Formats;

/// <summary>What <see cref="MdpFormats.Save"/> wrote.</summary>
/// <param name="Files">The files written, main file first.</param>
/// <param name="Notes">What the format could not keep (state names, discount, reward law, rewards).</param>
public sealed record MdpSaveResult(IReadOnlyList<string> Files, IReadOnlyList<string> Notes);
