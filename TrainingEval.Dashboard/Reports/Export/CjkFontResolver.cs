using System.Buffers.Binary;
using PdfSharp.Fonts;

namespace TrainingEval.Dashboard.Reports.Export;

/// <summary>
/// Gives PDFsharp the one font every report uses: Noto Sans CJK SC, which has Latin and Chinese glyphs.
/// Why this exists: PDFsharp 6 (the cross-platform build) ships no fonts and cannot find system fonts, so without
/// an <see cref="IFontResolver"/> it cannot print a single character, and Chinese needs a CJK font. Noto CJK comes
/// as a TrueType collection (.ttc), which PDFsharp cannot read, so the Simplified Chinese face is copied out of the
/// collection into a stand-alone font. Bold is simulated from the regular face rather than embedding a second
/// 15 MB font. Note: Noto CJK has CFF outlines, which PDFsharp embeds whole (it subsets only TrueType outlines),
/// so every PDF carries the font (≈ 13 MB).
/// </summary>
public sealed class CjkFontResolver : IFontResolver
{
    public const string FamilyName = "Noto Sans CJK SC";
    private const string FaceName = "NotoSansCJKsc-Regular";

    /// <summary>Where Debian/Ubuntu (fonts-noto-cjk), Fedora and Arch put the collection; the first that exists is used.</summary>
    public static readonly IReadOnlyList<string> Candidates =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc",
    ];

    /// <summary>The face of Simplified Chinese in NotoSansCJK-Regular.ttc (JP, KR, SC, TC, HK, then the Mono faces).</summary>
    private const int SimplifiedChineseIndex = 2;

    private static readonly Lock InstallLock = new();
    private readonly Lazy<byte[]> _font;

    public CjkFontResolver(string? path = null) => _font = new(() => Load(path ?? FindFont()));

    /// <summary>Installs the resolver for the process once (PDFsharp's font settings are global).</summary>
    public static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (GlobalFontSettings.FontResolver is CjkFontResolver)
                return;
            GlobalFontSettings.FontResolver = new CjkFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(FaceName, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName == FaceName ? _font.Value : null;

    private static string FindFont() =>
        Candidates.FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException(
            "The reports need the Noto Sans CJK font (Debian/Ubuntu: apt-get install fonts-noto-cjk). Looked in: " + string.Join(", ", Candidates));

    private static byte[] Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return IsCollection(bytes) ? ExtractFace(bytes, SimplifiedChineseIndex) : bytes;
    }

    private static bool IsCollection(byte[] bytes) => bytes.Length > 12 && bytes[0] == 't' && bytes[1] == 't' && bytes[2] == 'c' && bytes[3] == 'f';

    /// <summary>
    /// Copies face <paramref name="index"/> of a TrueType collection into a stand-alone font: its table directory
    /// with offsets rewritten, then each table 4-byte aligned (the OpenType file layout).
    /// </summary>
    internal static byte[] ExtractFace(byte[] collection, int index)
    {
        uint U32(int offset) => BinaryPrimitives.ReadUInt32BigEndian(collection.AsSpan(offset, 4));
        ushort U16(int offset) => BinaryPrimitives.ReadUInt16BigEndian(collection.AsSpan(offset, 2));
        var faces = (int)U32(8);
        if (index >= faces)
            throw new InvalidDataException($"The font collection has {faces} faces; face {index} does not exist.");
        var face = (int)U32(12 + 4 * index);
        var tableCount = U16(face + 4);
        var tables = Enumerable.Range(0, tableCount)
            .Select(i => face + 12 + 16 * i)
            .Select(r => (Tag: U32(r), Checksum: U32(r + 4), Offset: (int)U32(r + 8), Length: (int)U32(r + 12)))
            .ToList();
        var headerLength = 12 + 16 * tableCount;
        var font = new byte[headerLength + tables.Sum(t => (t.Length + 3) & ~3)];
        collection.AsSpan(face, 12).CopyTo(font);
        var position = headerLength;
        for (var i = 0; i < tables.Count; i++)
        {
            var (tag, checksum, offset, length) = tables[i];
            var record = font.AsSpan(12 + 16 * i);
            BinaryPrimitives.WriteUInt32BigEndian(record, tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], checksum);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)length);
            collection.AsSpan(offset, length).CopyTo(font.AsSpan(position));
            position += (length + 3) & ~3;
        }
        return font;
    }
}
