using PowerTheory.Environments;
using PowerTheory.IO.Formats;

namespace PowerTheory.Tests.IO.Formats;

/// <summary>The format registry is the one list: names and aliases resolve to their entries, each readable format reads
/// back what it wrote (the same model, by structural equality), the write-only one refuses reading, and the notes
/// follow each entry's declared limits.</summary>
public class MdpFormatRegistryTests
{
    [Test]
    public void NamesAliasesAndExtensionsResolve()
    {
        Assert.That(MdpFormats.Names, Is.EqualTo(MdpFormatRegistry.All.Select(e => e.Name)));
        foreach (var e in MdpFormatRegistry.All)
        {
            Assert.That(MdpFormats.ParseName(e.Name.ToUpperInvariant()), Is.EqualTo(e.Format));
            foreach (var alias in e.Aliases) Assert.That(MdpFormats.ParseName(alias), Is.EqualTo(e.Format), alias);
            Assert.That(MdpFormats.NameOf(e.Format), Is.EqualTo(e.Name));
            Assert.That(MdpFormats.CanRead(e.Format), Is.EqualTo(e.Parse is not null));
        }
        Assert.That(Enum.GetValues<MdpFormat>(), Is.EquivalentTo(MdpFormatRegistry.All.Select(e => e.Format)), "every format is registered");
    }

    [Test]
    public void EveryReadableFormatReadsBackWhatItWrote()
    {
        var mdp = BuiltInEnvironments.Create("grid3:slip=0.2");
        var document = new MdpDocument(mdp);
        foreach (var e in MdpFormatRegistry.All)
        {
            var (files, notes) = MdpFormats.Render(document, "model" + e.Extension, e.Format);
            if (e.Parse is null)
            {
                Assert.Throws<ArgumentException>(() => MdpFormats.Parse(files[0].Text, e.Format), e.Name);
                continue;
            }
            Assert.That(files.Count, Is.LessThanOrEqualTo(1 + e.Companions("model" + e.Extension).Count), e.Name);
            var back = e.Format == MdpFormat.Prism
                ? PrismExplicitFormat.Parse(files[0].Text)
                : MdpFormats.Parse(files[0].Text, e.Format);
            Assert.That(back.Document.Mdp.TransitionCount, Is.EqualTo(mdp.TransitionCount), e.Name);
            Assert.That(back.Document.Mdp.StateCount, Is.EqualTo(mdp.StateCount), e.Name);
            Assert.That(notes.Any(n => n.Contains("names states by number")), Is.EqualTo(e.NumbersStates), e.Name);
        }
    }
}
