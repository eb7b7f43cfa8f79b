using PowerTheory.Mdps;

namespace PowerTheory.IO.Formats;

/// <summary>The model file formats <see cref="MdpFormats"/> reads and writes.</summary>
public enum MdpFormat
{
    /// <summary>The canonical JSON format (<see cref="MdpJson"/>), <c>.json</c>.</summary>
    Json,

    /// <summary>Storm's explicit DRN (<see cref="DrnFormat"/>), <c>.drn</c>.</summary>
    Drn,

    /// <summary>PRISM's explicit <c>.tra</c> with optional <c>.lab</c>/<c>.srew</c> (<see cref="PrismExplicitFormat"/>).</summary>
    Prism,

    /// <summary>The gymnasium toy-text table P[s][a] as JSON (<see cref="GymPFormat"/>); <c>.json</c> files whose root
    /// has no <c>transitions</c> field are read as this.</summary>
    GymP,

    /// <summary>POWERplay's Graphviz MDP files (<see cref="PowerplayGvFormat"/>), <c>.gv</c>.</summary>
    PowerplayGv,

    /// <summary>A Graphviz diagram for viewing (<see cref="DotFormat"/>), <c>.dot</c>; write only.</summary>
    Dot,
}
